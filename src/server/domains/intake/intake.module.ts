import { z } from 'zod';
import { defineJob, jobType } from '../../core/jobs/jobs.types.js';
import type { DomainModule, ModuleContext } from '../../core/module/module.types.js';
import { warningListsKey } from '../indicators/index.js';
import { ensureIntakeDefaults } from './intake.admin.js';
import { seedIntakeDemo } from './intake.demo.js';
import { markOverdue, remindFollowUps } from './intake.escalation.js';
import { encryptLegacyEvidence, evidenceEncryptedField } from './intake.evidence.js';
import { resumeImports } from './intake.import.batches.js';
import { consultationEncryptedFields } from './intake.personal.js';
import { labelConsultations } from './intake.read.js';
import { RECORD_TYPE, reindexStale } from './intake.repository.js';
import { intakeRoutes } from './intake.routes.js';
import type { IntakeDeps } from './intake.usecases.js';
import { intakeWorklist } from './intake.worklist.js';
import { m0004Intake } from './migrations/0004_intake.js';
import { m0006SearchBuckets } from './migrations/0006_search_buckets.js';
import { m0008ShareReveal } from './migrations/0008_share_reveal.js';
import { m0009ImportStaging } from './migrations/0009_import_staging.js';
import { m0010EvidenceEncryption } from './migrations/0010_evidence_encryption.js';
import { m0012RolesSearch } from './migrations/0012_roles_search.js';
import { m0013AccessRequests } from './migrations/0013_access_requests.js';
import { m0014IntakeTally } from './migrations/0014_intake_tally.js';
import { m0017ListIndexes } from './migrations/0017_list_indexes.js';
import { m0019ListCovering } from './migrations/0019_list_covering.js';
import { m0023IntakeTimeline } from './migrations/0023_intake_timeline.js';

export const overdueJob = jobType('intake.overdue', z.object({}));
export const followUpsJob = jobType('intake.followups', z.object({}));

export function intakeDeps(ctx: ModuleContext): IntakeDeps {
  return {
    db: ctx.db,
    keyring: ctx.keyring,
    warnings: ctx.services.get(warningListsKey),
    commonThreshold: ctx.config.commonThreshold,
    followUpDays: 7,
    files: ctx.files,
    evidenceMaxBytes: ctx.config.evidenceMaxBytes,
    labelRecords: ctx.recordTypes.label,
  };
}

/** 相談受理: consultations, escalation to サイバー課, guidance, access requests, register import/export. */
export const intakeModule: DomainModule = {
  name: 'intake',
  migrations: [
    m0004Intake,
    m0006SearchBuckets,
    m0008ShareReveal,
    m0009ImportStaging,
    m0010EvidenceEncryption,
    m0012RolesSearch,
    m0013AccessRequests,
    m0014IntakeTally,
    m0017ListIndexes,
    m0019ListCovering,
    m0023IntakeTimeline,
  ],
  encryptedFields: [...consultationEncryptedFields, evidenceEncryptedField],
  recordTypes: [
    {
      type: RECORD_TYPE,
      labelJa: '相談',
      labelEn: 'Consultation',
      label: labelConsultations,
    },
  ],
  jobs: [
    defineJob(overdueJob, async (_p, ctx) => void (await markOverdue(ctx.db)), { cron: '* * * * *' }),
    defineJob(followUpsJob, async (_p, ctx) => void (await remindFollowUps(ctx.db)), { cron: '*/15 * * * *' }),
  ],
  async setup(ctx) {
    await ensureIntakeDefaults(ctx.db);
    await encryptLegacyEvidence(ctx.db, ctx.files, ctx.logger);
  },
  async seedDemo(ctx) {
    await seedIntakeDemo(intakeDeps(ctx));
  },
  routes: (ctx) => intakeRoutes(intakeDeps(ctx)),
  // Register imports a stopped server left half-written are deleted (or, once published, clustered):
  // at start-up, then every minute. Records indexed by an older version of the search text (before
  // 0012: no category labels, no written forms of indicators) are re-indexed a batch at a time,
  // without delaying start-up.
  chores: (ctx) => [
    { name: 'intake.import_staging', everyMs: 60_000, run: async () => void (await resumeImports(ctx.db)) },
    { name: 'intake.reindex_stale', everyMs: 2_000, run: async () => void (await reindexStale(ctx.db, 500)) },
  ],
  worklist: (ctx) => intakeWorklist(ctx.db.kysely),
};

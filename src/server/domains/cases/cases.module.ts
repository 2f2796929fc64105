import { z } from 'zod';
import { defineJob, jobType } from '../../core/jobs/jobs.types.js';
import type { DomainModule, ModuleContext } from '../../core/module/module.types.js';
import { indicatorDeps } from '../indicators/index.js';
import { seedCasesDemo } from './cases.demo.js';
import { markOverdueLetters } from './cases.legal.js';
import { labelCases } from './cases.read.js';
import { RECORD_TYPE } from './cases.repository.js';
import { ensureRequestSla, markOverdueRequests } from './cases.requests.js';
import { casesRoutes } from './cases.routes.js';
import { markOverdueTasks } from './cases.tasks.js';
import { ensureTaskTemplates } from './cases.templates.js';
import type { CasesDeps } from './cases.usecases.js';
import { markExpiringWarrants } from './cases.warrants.js';
import { casesWorklist } from './cases.worklist.js';
import { m0016Cases } from './migrations/0016_cases.js';
import { m0018CaseTasks } from './migrations/0018_case_tasks.js';
import { m0020SupportRequests } from './migrations/0020_support_requests.js';
import { m0021LegalProcess } from './migrations/0021_legal_process.js';
import { m0024CaseTeam } from './migrations/0024_case_team.js';
import { m0025CaseWarrants } from './migrations/0025_case_warrants.js';
import { m0026CaseTaskUnitIndex } from './migrations/0026_case_task_unit_index.js';

const overdueTasksJob = jobType('cases.tasks_overdue', z.object({}));
const overdueRequestsJob = jobType('cases.requests_overdue', z.object({}));
const overdueLettersJob = jobType('cases.legal_overdue', z.object({}));
const expiringWarrantsJob = jobType('cases.warrants_expiry', z.object({}));

/** What cases need is what the indicators domain gives every domain that stores text, with labels. */
function casesDeps(ctx: ModuleContext): CasesDeps {
  return { ...indicatorDeps(ctx), labelRecords: ctx.recordTypes.label };
}

/** 事件・支援要請: cases opened from consultations or directly, with an enforced lifecycle. */
export const casesModule: DomainModule = {
  name: 'cases',
  migrations: [
    m0016Cases,
    m0018CaseTasks,
    m0020SupportRequests,
    m0021LegalProcess,
    m0024CaseTeam,
    m0025CaseWarrants,
    m0026CaseTaskUnitIndex,
  ],
  recordTypes: [{ type: RECORD_TYPE, labelJa: '事件', labelEn: 'Case', label: labelCases }],
  // Tasks past their due date tell whoever they are for and the lead: every 15 minutes is soon
  // enough for dates that are days. A support request's deadline is hours: checked every minute.
  jobs: [
    defineJob(overdueTasksJob, async (_p, ctx) => void (await markOverdueTasks(ctx.db)), { cron: '*/15 * * * *' }),
    defineJob(overdueRequestsJob, async (_p, ctx) => void (await markOverdueRequests(ctx.db)), { cron: '* * * * *' }),
    // A letter's 回答期限 is a day: chased every 15 minutes like tasks.
    defineJob(overdueLettersJob, async (_p, ctx) => void (await markOverdueLetters(ctx.db)), { cron: '*/15 * * * *' }),
    // A warrant's period is days: its last day is announced the day before, checked hourly.
    defineJob(expiringWarrantsJob, async (_p, ctx) => void (await markExpiringWarrants(ctx.db)), { cron: '7 * * * *' }),
  ],
  async setup(ctx) {
    await ensureTaskTemplates(ctx.db);
    await ensureRequestSla(ctx.db);
  },
  async seedDemo(ctx) {
    await seedCasesDemo(casesDeps(ctx));
  },
  routes: (ctx) => casesRoutes(casesDeps(ctx)),
  worklist: (ctx) => casesWorklist(ctx.db.kysely),
};

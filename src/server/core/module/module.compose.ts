import type { EncryptedField } from '../crypto/crypto.fields.js';
import type { Migration } from '../db/migrations/migration.types.js';
import type { JobHandler } from '../jobs/jobs.runner.js';
import type { ScheduleDef } from '../jobs/jobs.schedule.js';
import type { JobDef } from '../jobs/jobs.types.js';
import type { RecordTypeDef } from './module.records.js';
import type { DomainModule, ModuleContext } from './module.types.js';
import { composeWorklists, type WorklistProvider } from './module.worklist.js';

/**
 * The one ordered migration list: the core's followed by every domain's, sorted by name (the
 * numbered prefix is the order they were written in). A name used twice stops start-up.
 */
export function migrationList(core: readonly Migration[], modules: readonly DomainModule[]): Migration[] {
  const all = [...core, ...modules.flatMap((m) => m.migrations ?? [])];
  const seen = new Set<string>();
  for (const m of all) {
    if (seen.has(m.name)) throw new Error(`migration declared twice: ${m.name}`);
    seen.add(m.name);
  }
  return all.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function encryptedFieldsOf(modules: readonly DomainModule[]): EncryptedField[] {
  return modules.flatMap((m) => m.encryptedFields ?? []);
}

export function recordTypesOf(modules: readonly DomainModule[]): RecordTypeDef[] {
  return modules.flatMap((m) => m.recordTypes ?? []);
}

function jobsOf(modules: readonly DomainModule[]): JobDef<ModuleContext>[] {
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  const kinds = new Set<string>();
  for (const j of jobs) {
    if (kinds.has(j.type.kind)) throw new Error(`job kind declared twice: ${j.type.kind}`);
    kinds.add(j.type.kind);
  }
  return jobs;
}

/** Handlers by kind; each checks its payload against the job type's schema before running. */
export function jobHandlersOf(modules: readonly DomainModule[], ctx: ModuleContext): Record<string, JobHandler> {
  return Object.fromEntries(
    jobsOf(modules).map((j) => [
      j.type.kind,
      (payload: unknown, job: Parameters<JobHandler>[1]) => j.run(j.type.payload.parse(payload), ctx, job),
    ]),
  );
}

/** A scheduled job runs under its own kind's name, so one schedule per job type. */
export function schedulesOf(modules: readonly DomainModule[]): ScheduleDef[] {
  return jobsOf(modules)
    .filter((j) => j.cron)
    .map((j) => ({ name: j.type.kind, cron: j.cron as string, kind: j.type.kind }));
}

/** Every domain's work-item provider as one (the home page and the navigation counts). */
export function worklistOf(modules: readonly DomainModule[], ctx: ModuleContext): WorklistProvider {
  return composeWorklists(modules.flatMap((m) => (m.worklist ? [m.worklist(ctx)] : [])));
}

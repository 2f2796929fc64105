import { Cron } from 'croner';
import { json, toJson } from '../db/db.decode.js';
import type { Db } from '../db/db.open.js';
import { enqueueJob } from './jobs.repository.js';

export interface ScheduleDef {
  name: string;
  /** Five- or six-field cron expression, evaluated in JST because people set schedules in JST. */
  cron: string;
  kind: string;
  payload?: unknown;
}

const TZ = 'Asia/Tokyo';

export function nextRun(cron: string, after: Date): Date {
  const next = new Cron(cron, { timezone: TZ, paused: true }).nextRun(after);
  if (!next) throw new Error(`cron expression never fires: ${cron}`);
  return next;
}

/** Create or update a schedule; the next run is recomputed only when the expression changed. */
export async function ensureSchedule(db: Db, def: ScheduleDef, now = new Date()): Promise<void> {
  const existing = await db.kysely.selectFrom('job_schedule').selectAll().where('name', '=', def.name).executeTakeFirst();
  const payload = toJson(def.payload ?? {});
  if (!existing) {
    await db.kysely
      .insertInto('job_schedule')
      .values({
        name: def.name,
        cron: def.cron,
        kind: def.kind,
        payload,
        next_run_at: nextRun(def.cron, now).toISOString(),
        last_run_at: null,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return;
  }
  if (existing.cron !== def.cron || existing.kind !== def.kind || existing.payload !== payload) {
    await db.kysely
      .updateTable('job_schedule')
      .set({ cron: def.cron, kind: def.kind, payload, next_run_at: nextRun(def.cron, now).toISOString() })
      .where('name', '=', def.name)
      .execute();
  }
}

/**
 * Turn every due schedule into a job. The idempotency key names the schedule and its slot,
 * and the slot advances only if nobody advanced it first, so several processes enqueue it once.
 */
export async function enqueueDueSchedules(db: Db, now = new Date()): Promise<number> {
  const due = await db.kysely.selectFrom('job_schedule').selectAll().where('next_run_at', '<=', now.toISOString()).execute();
  for (const s of due) {
    await enqueueJob(db, { kind: s.kind, payload: json(s.payload), idempotencyKey: `schedule:${s.name}:${s.next_run_at}` }, now);
    await db.kysely
      .updateTable('job_schedule')
      .set({ next_run_at: nextRun(s.cron, now).toISOString(), last_run_at: now.toISOString() })
      .where('name', '=', s.name)
      .where('next_run_at', '=', s.next_run_at)
      .execute();
  }
  return due.length;
}

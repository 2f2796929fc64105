import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Job, JobStatus } from '../../../contracts/system.contracts.js';
import { json, toJson } from '../db/db.decode.js';
import type { Db } from '../db/db.open.js';
import type { JobTable } from '../db/db.schema.js';
import type { Conn } from '../db/db.tx.js';
import type { JobType } from './jobs.types.js';

export interface EnqueueInput {
  kind: string;
  payload?: unknown;
  runAt?: Date;
  maxAttempts?: number;
  /** Two enqueues with one key make one job: the second returns the first one's id. */
  idempotencyKey?: string;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

function toJob(r: JobTable): Job {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as JobStatus,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Takes a `Db`, or a `Tx` to enqueue inside the caller's transaction. */
export async function enqueueJob(db: Pick<Conn, 'kysely'>, input: EnqueueInput, now = new Date()): Promise<string> {
  const id = randomUUID();
  const ts = now.toISOString();
  await db.kysely
    .insertInto('job')
    .values({
      id,
      kind: input.kind,
      payload: toJson(input.payload ?? {}),
      status: 'queued',
      attempts: 0,
      max_attempts: input.maxAttempts ?? 5,
      run_at: (input.runAt ?? now).toISOString(),
      locked_by: null,
      locked_until: null,
      idempotency_key: input.idempotencyKey ?? null,
      last_error: null,
      created_at: ts,
      updated_at: ts,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
  if (!input.idempotencyKey) return id;
  const row = await db.kysely.selectFrom('job').select('id').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Take up to `limit` due jobs for this worker in one statement. A running job whose lock has
 * expired belonged to a worker that died, so it is due again. On PostgreSQL the subquery
 * locks with SKIP LOCKED so that several server processes share the queue without collisions.
 */
export async function claimJobs(db: Db, workerId: string, limit: number, lockMs: number, now = new Date()): Promise<ClaimedJob[]> {
  const ts = now.toISOString();
  const until = new Date(now.getTime() + lockMs).toISOString();
  const lock = sql.raw(db.dialect.lockClause);
  const rows = await sql<JobTable>`
    update job set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
      locked_until = ${until}, updated_at = ${ts}
    where id in (
      select id from job
      where (status = 'queued' and run_at <= ${ts}) or (status = 'running' and locked_until < ${ts})
      order by run_at limit ${limit} ${lock}
    )
    returning *`.execute(db.kysely);
  return rows.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: json(r.payload),
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  }));
}

export async function completeJob(db: Db, id: string, workerId: string, now = new Date()): Promise<void> {
  await db.kysely
    .updateTable('job')
    .set({ status: 'succeeded', locked_by: null, locked_until: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Exponential backoff with jitter, capped at one hour. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Record a failure: retry later while attempts remain, otherwise mark it failed for administrators. */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  workerId: string,
  error: string,
  opts: { final?: boolean; now?: Date } = {},
): Promise<'retry' | 'failed'> {
  const now = opts.now ?? new Date();
  const final = opts.final === true || job.attempts >= job.maxAttempts;
  await db.kysely
    .updateTable('job')
    .set({
      status: final ? 'failed' : 'queued',
      run_at: final ? now.toISOString() : new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
      last_error: error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
  return final ? 'failed' : 'retry';
}

export async function listJobs(db: Db, filter: { status?: JobStatus; limit: number }): Promise<Job[]> {
  let q = db.kysely.selectFrom('job').selectAll().orderBy('updated_at', 'desc').limit(filter.limit);
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.execute()).map(toJob);
}

/** Put a failed job back in the queue with a fresh set of attempts. Returns false if it was not failed. */
export async function retryJob(db: Pick<Conn, 'kysely'>, id: string, now = new Date()): Promise<boolean> {
  const r = await db.kysely
    .updateTable('job')
    .set({ status: 'queued', attempts: 0, run_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Enqueue a job of a declared type; its payload is checked against the type's schema first. */
export function enqueue<P>(
  db: Pick<Db, 'kysely'>,
  type: JobType<P>,
  payload: P,
  opts: Omit<EnqueueInput, 'kind' | 'payload'> = {},
  now = new Date(),
): Promise<string> {
  return enqueueJob(db, { ...opts, kind: type.kind, payload: type.payload.parse(payload) }, now);
}

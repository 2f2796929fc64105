import { randomUUID } from 'node:crypto';
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Conn, type Tx, withTx } from '../db/db.tx.js';
import './staging.tables.js';

/**
 * Staging: a long write (a register import of 20,000 rows) goes in as many short transactions,
 * so other requests on the same connection wait for one batch at most, and still keeps its
 * all-or-nothing promise. Every row it writes carries the batch id in a nullable column; every
 * read of such a table adds `notStaged(column)`, so rows of a batch still `staged` are seen by
 * no list, detail, search, count, correlation or export. One short transaction publishes the
 * batch (`state` → `live`: a single row, however many records) and the rows appear at once; a
 * failure, or a crash, leaves them invisible until the owning domain deletes them.
 */
export type StagingState = 'staged' | 'failed' | 'live' | 'done';

/** The row is not part of a batch being staged or discarded. Uncorrelated: evaluated once per query. */
export function notStaged(column: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} not in (select sb.id from staging_batch sb where sb.state in ('staged', 'failed')))`;
}

/** Open a batch (in its own short transaction, or the caller's). */
export async function openBatch(tx: Conn, kind: string, startedBy: string | null, now = new Date()): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  await tx.kysely
    .insertInto('staging_batch')
    .values({ id, kind, state: 'staged', started_by: startedBy, started_at: at, touched_at: at, cursor: 0 })
    .execute();
  return id;
}

/** A write of the batch: it is still being worked on, not abandoned. */
export async function touchBatch(tx: Tx, id: string, now = new Date()): Promise<void> {
  await tx.kysely.updateTable('staging_batch').set({ touched_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Make the batch's rows visible, in the caller's (short) transaction. False when the batch is no
 * longer staged (a cleanup judged it abandoned and removed it): the caller must fail, not publish.
 */
export async function publishBatch(tx: Tx, id: string, now = new Date()): Promise<boolean> {
  const r = await tx.kysely
    .updateTable('staging_batch')
    .set({ state: 'live', touched_at: now.toISOString() })
    .where('id', '=', id)
    .where('state', '=', 'staged')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Record progress of the work that follows publishing; `done` when there is none left. */
export async function advanceBatch(tx: Tx, id: string, cursor: number, done: boolean, now = new Date()): Promise<void> {
  await tx.kysely
    .updateTable('staging_batch')
    .set({ cursor, touched_at: now.toISOString(), ...(done ? { state: 'done' } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Forget a batch whose rows the owner has deleted. */
export async function dropBatch(tx: Tx, id: string): Promise<void> {
  await tx.kysely.deleteFrom('staging_batch').where('id', '=', id).execute();
}

export interface BatchRow {
  id: string;
  state: StagingState;
  cursor: number;
  startedBy: string | null;
}

/**
 * Batches of `kind` that need their owner: `staged` ones untouched since `staleBefore` (their
 * writer died), `failed` ones not yet deleted, and `live` ones whose follow-up work stalled.
 */
export async function batchesToResume(conn: Conn, kind: string, staleBefore: Date): Promise<BatchRow[]> {
  const rows = await conn.kysely
    .selectFrom('staging_batch')
    .select(['id', 'state', 'cursor', 'started_by'])
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('state', '=', 'failed'), eb('touched_at', '<', staleBefore.toISOString())]))
    .where('state', 'in', ['staged', 'failed', 'live'])
    .execute();
  return rows.map((r) => ({ id: r.id, state: r.state as StagingState, cursor: Number(r.cursor), startedBy: r.started_by }));
}

/** A transaction's share of the connection: well under the ~100 ms another request may wait. */
export const SLICE_MS = 40;

/** Let other requests' queries in: on SQLite they queue for the one connection a transaction holds. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Run `step` in short transactions until it reports that nothing is left. One transaction takes
 * steps until `budgetMs` has passed (a step is a few rows), then commits and yields to the event
 * loop, so a request waiting for the connection waits about one budget, never for the whole job.
 */
export async function inSlices(
  db: Conn,
  step: (tx: Tx) => Promise<boolean>,
  opts: { budgetMs?: number; afterSlice?: () => void | Promise<void> } = {},
): Promise<void> {
  const budget = opts.budgetMs ?? SLICE_MS;
  let more = true;
  while (more) {
    await withTx(db, async (tx) => {
      const until = performance.now() + budget;
      do more = await step(tx);
      while (more && performance.now() < until);
    });
    await opts.afterSlice?.();
    if (more) await yieldToOthers();
  }
}

import type { ConsultationInput } from '../../../contracts/intake.contracts.js';
import { type AuditCtx, type RequestCtx, systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { type Conn, withTx } from '../../core/db/db.tx.js';
import { unindex } from '../../core/search/search.index.js';
import {
  advanceBatch,
  batchesToResume,
  dropBatch,
  inSlices,
  openBatch,
  publishBatch,
  touchBatch,
  yieldToOthers,
} from '../../core/staging/staging.js';
import { deleteEvents } from '../../core/timeline/timeline.js';
import { clusterBatch, discardSightings, publishSightings } from '../indicators/index.js';
import { intakeErrors } from './intake.errors.js';
import { RECORD_TYPE, SEARCH_INDEX } from './intake.repository.js';
import { tallyBatch } from './intake.stats.js';
import { type IntakeDeps, insertConsultation } from './intake.usecases.js';

/**
 * A register import as a staging batch (core/staging): its records are written a few at a time,
 * in transactions of at most ~40 ms, each followed by a turn for other requests; no read shows
 * them until `publishImport` switches the whole import live in one short transaction. A failure
 * before that leaves nothing visible and deletes what was staged; a crash leaves the batch to
 * `resumeImports` (a chore every server runs, first at start-up).
 */
export const IMPORT_BATCH = 'intake.import';

/** A staged import nobody has written to for this long was abandoned (its server stopped). */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** Rows per step inside a slice: small, so a slice stops close to its time budget. */
const ROWS_PER_STEP = 10;
/** Sightings put in clusters per step after publishing. */
const SIGHTINGS_PER_STEP = 50;
/** Records (or sightings) deleted per step when an import is discarded. */
const DISCARD_PER_STEP = 50;

export interface StagedRow {
  input: ConsultationInput;
  disposition?: string;
}

/** Open the import's batch; the start is audited in the same transaction. */
export async function startImport(deps: IntakeDeps, ctx: RequestCtx, detail: Record<string, string | number>, now: Date) {
  return withTx(deps.db, async (tx) => {
    const batchId = await openBatch(tx, IMPORT_BATCH, ctx.principal.userId, now);
    await audit(tx, ctx, { action: 'intake.import.start', target: { type: RECORD_TYPE, id: null }, detail: { batch: batchId, ...detail } });
    return batchId;
  });
}

/**
 * Write the rows under the batch, in slices. `afterSlice` (tests) runs between slices with the
 * number of rows written so far: to look at what others see mid-import, or to fail it there.
 */
export async function stageRows(
  deps: IntakeDeps,
  ctx: RequestCtx,
  batchId: string,
  rows: StagedRow[],
  now: Date,
  afterSlice?: (written: number) => void | Promise<void>,
): Promise<void> {
  let next = 0;
  await inSlices(
    deps.db,
    async (tx) => {
      for (const end = Math.min(next + ROWS_PER_STEP, rows.length); next < end; next++) {
        const v = rows[next] as StagedRow;
        const id = await insertConsultation(tx, deps, ctx, v.input, { rules: false, now, source: 'import', batchId });
        if (v.disposition) await tx.kysely.updateTable('consultation').set({ disposition: v.disposition }).where('id', '=', id).execute();
      }
      await touchBatch(tx, batchId);
      return next < rows.length;
    },
    { afterSlice: afterSlice && (() => afterSlice(next)) },
  );
}

/**
 * The switch: in one short transaction the batch becomes live (one row, however many records),
 * each value its records hold is counted, and the import is audited. Clusters follow (settleImport).
 */
export async function publishImport(deps: IntakeDeps, ctx: RequestCtx, batchId: string, detail: Record<string, string | number>) {
  await withTx(deps.db, async (tx) => {
    // Judged abandoned and discarded meanwhile (a server stalled past ABANDONED_AFTER_MS): fail.
    if (!(await publishBatch(tx, batchId))) throw intakeErrors.create('intake.import_aborted');
    await publishSightings(tx, batchId, deps.commonThreshold);
    await tallyBatch(tx, batchId);
    await audit(tx, ctx, { action: 'intake.import', target: { type: RECORD_TYPE, id: null }, detail: { batch: batchId, ...detail } });
  });
}

/** After publishing: the records join their clusters, in slices, from where the batch got to. */
export async function settleImport(db: Conn, batchId: string, from = 0): Promise<void> {
  let cursor = from;
  await inSlices(db, async (tx) => {
    const last = await clusterBatch(tx, batchId, cursor, SIGHTINGS_PER_STEP);
    if (last !== null) cursor = last;
    await advanceBatch(tx, batchId, cursor, last === null);
    return last !== null;
  });
}

/** The import failed before it was published: audited as failed, then everything staged is deleted. */
export async function failImport(db: Conn, ctx: AuditCtx, batchId: string, why: string): Promise<void> {
  await withTx(db, async (tx) => {
    const r = await tx.kysely
      .updateTable('staging_batch')
      .set({ state: 'failed' })
      .where('id', '=', batchId)
      .where('state', '=', 'staged')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return;
    await audit(tx, ctx, {
      action: 'intake.import',
      target: { type: RECORD_TYPE, id: null },
      outcome: 'failure',
      detail: { batch: batchId, error: why },
    });
  });
  await discardImport(db, batchId);
}

/** Delete a failed import's records with their search entries, timelines and sightings, in slices. */
export async function discardImport(db: Conn, batchId: string): Promise<void> {
  await inSlices(db, async (tx) => {
    const recs = await tx.kysely
      .selectFrom('consultation')
      .select(['id', 'seq'])
      .where('import_batch', '=', batchId)
      .limit(DISCARD_PER_STEP)
      .execute();
    if (recs.length > 0) {
      const ids = recs.map((r) => r.id);
      for (const r of recs) await unindex(tx, SEARCH_INDEX, Number(r.seq));
      await deleteEvents(tx.kysely, RECORD_TYPE, ids);
      await tx.kysely.deleteFrom('consultation').where('id', 'in', ids).execute();
      return true;
    }
    if ((await discardSightings(tx, batchId, DISCARD_PER_STEP)) > 0) return true;
    await dropBatch(tx, batchId);
    return false;
  });
}

/**
 * The chore: imports whose server stopped mid-way. One still staged (or failed) is discarded,
 * audited as failed; one published but not yet clustered is clustered from where it stopped.
 */
export async function resumeImports(db: Conn, now = new Date()): Promise<number> {
  const batches = await batchesToResume(db, IMPORT_BATCH, new Date(now.getTime() - ABANDONED_AFTER_MS));
  for (const b of batches) {
    if (b.state === 'live') await settleImport(db, b.id, b.cursor);
    else await failImport(db, systemCtx, b.id, 'abandoned');
    await yieldToOthers();
  }
  return batches.length;
}

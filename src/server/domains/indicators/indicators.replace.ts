import { sql } from 'kysely';
import { type IndicatorType, VICTIM_ROLE } from '../../../contracts/indicators.contracts.js';
import { lockForAppend } from '../../core/db/db.dialect.js';
import type { Tx } from '../../core/db/db.tx.js';
import { enqueueJob } from '../../core/jobs/jobs.repository.js';
import { ingestBulk, type RecordKey, type SightingInput, type StoreOptions, type StoreResult, updateClusters } from './indicators.store.js';

/**
 * A record whose text changed: its sightings are the ones in the new text, with the new offsets.
 * An officer who corrects a mistyped phone number must not leave the record linked to the wrong
 * number's other records.
 */
export const CLUSTERS_JOB = 'indicators.rebuild_clusters';

/** Clusters larger than this are split by the background rebuild rather than inside an edit. */
const INLINE_SPLIT_LIMIT = 5000;

const ofRecord = (rec: RecordKey) => sql<boolean>`record_type = ${rec.recordType} and record_id = ${rec.recordId}`;

/**
 * Replace a record's sightings with `items`: a value no longer in the text loses this record from
 * its count (and may stop being common), and when a link the record gave may be gone its cluster
 * is recomputed, so records connected only through the removed value part again.
 */
export async function replaceSightings(tx: Tx, rec: RecordKey, items: SightingInput[], opts: StoreOptions): Promise<StoreResult> {
  const trx = tx.kysely;
  const before = await trx
    .selectFrom('sighting as s')
    .innerJoin('indicator as i', 'i.id', 's.indicator_id')
    .select(['i.id', 'i.type', 'i.value'])
    .distinct()
    .where('s.record_type', '=', rec.recordType)
    .where('s.record_id', '=', rec.recordId)
    // The victim's own values were never counted, so they are not uncounted either.
    .where('s.role', '<>', VICTIM_ROLE)
    .execute();
  const old = before.map((r) => Number(r.id));
  await trx.deleteFrom('sighting').where(ofRecord(rec)).execute();
  // Every current value links this record once again, and every value it had loses it, in one
  // ordered write: a value in both keeps its count.
  const unlinked = before.map((r) => ({ type: r.type as IndicatorType, value: r.value }));
  const { indicatorIds } = await ingestBulk(tx, [{ rec, items }], { ...opts, freshRecords: true, unlinked });
  const current = new Set(indicatorIds);
  if (old.some((id) => !current.has(id))) await recomputeCluster(tx, rec, opts.now ?? new Date());
  const clusterId = indicatorIds.length > 0 ? await updateClusters(tx, rec, indicatorIds) : null;
  return { indicatorIds, clusterId };
}

/**
 * Recompute the cluster the record is in from its members' current sightings: the largest
 * connected part keeps the cluster, other parts become clusters of their own, and records left
 * with no link leave. A very large cluster is left to the background rebuild.
 */
async function recomputeCluster(tx: Tx, rec: RecordKey, now: Date): Promise<void> {
  const trx = tx.kysely;
  await lockForAppend(tx, 'record_cluster');
  const mine = await trx.selectFrom('record_cluster').select('cluster_id').where(ofRecord(rec)).executeTakeFirst();
  if (!mine) return;
  const clusterId = Number(mine.cluster_id);
  const size = await trx.selectFrom('cluster').select('size').where('id', '=', clusterId).executeTakeFirst();
  if ((size?.size ?? 0) > INLINE_SPLIT_LIMIT) {
    const minute = now.toISOString().slice(0, 16);
    await enqueueJob(tx, { kind: CLUSTERS_JOB, idempotencyKey: `${CLUSTERS_JOB}:${minute}` }, now);
    return;
  }
  const members = await trx
    .selectFrom('record_cluster')
    .select(['record_type', 'record_id', 'unit_id'])
    .where('cluster_id', '=', clusterId)
    .execute();
  const links = await trx
    .selectFrom('record_cluster as m')
    .innerJoin('sighting as s', (j) => j.onRef('s.record_type', '=', 'm.record_type').onRef('s.record_id', '=', 'm.record_id'))
    .innerJoin('indicator as i', 'i.id', 's.indicator_id')
    .select(['s.indicator_id', 's.record_type', 's.record_id'])
    .distinct()
    .where('m.cluster_id', '=', clusterId)
    .where('s.role', '<>', VICTIM_ROLE)
    .where('i.common', '=', 0)
    .where('i.warning', 'is', null)
    .execute();
  // Union–find over the members, joined through each shared indicator.
  const index = new Map(members.map((m, i) => [`${m.record_type}\u0000${m.record_id}`, i]));
  const parent = members.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  const firstWith = new Map<number, number>();
  for (const l of links) {
    const m = index.get(`${l.record_type}\u0000${l.record_id}`) as number;
    const first = firstWith.get(Number(l.indicator_id));
    if (first === undefined) firstWith.set(Number(l.indicator_id), m);
    else parent[find(m)] = find(first);
  }
  const parts = new Map<number, number[]>();
  members.forEach((_, i) => {
    const r = find(i);
    const part = parts.get(r);
    if (part) part.push(i);
    else parts.set(r, [i]);
  });
  const linked = [...parts.values()].filter((p) => p.length > 1).sort((a, b) => b.length - a.length);
  if (linked.length === 1 && (linked[0] as number[]).length === members.length) return; // still one piece
  await trx.deleteFrom('record_cluster').where('cluster_id', '=', clusterId).execute();
  await trx.deleteFrom('cluster').where('id', '=', clusterId).execute();
  for (const [k, part] of linked.entries()) {
    // The largest part keeps the cluster's id; the others get new ones.
    const row = k === 0 ? { id: clusterId, size: part.length } : { size: part.length };
    const id = Number((await trx.insertInto('cluster').values(row).returning('id').executeTakeFirstOrThrow()).id);
    for (let i = 0; i < part.length; i += 200) {
      await trx
        .insertInto('record_cluster')
        .values(
          part.slice(i, i + 200).map((p) => {
            const m = members[p] as (typeof members)[number];
            return { record_type: m.record_type, record_id: m.record_id, unit_id: m.unit_id, cluster_id: id };
          }),
        )
        .execute();
    }
  }
}

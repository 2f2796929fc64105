import { type Kysely, sql } from 'kysely';
import type { IndicatorType } from '../../../contracts/indicators.contracts.js';
import { type Dialect, lockForAppend } from '../../core/db/db.dialect.js';
import type { Database } from '../../core/db/db.schema.js';

/**
 * Storing sightings and keeping clusters current. A record's sightings are written in one
 * transaction; records that share a non-common, non-benign indicator end up in one cluster.
 */
export interface RecordKey {
  recordType: string;
  recordId: string;
  /** The owning unit, for need-to-know on everything derived from this sighting. */
  unitId: string | null;
}

export interface SightingInput {
  type: IndicatorType;
  value: string;
  start?: number;
  end?: number;
}

export interface StoreOptions {
  /** A value in more than this many records is "common": kept, but out of clusters. */
  commonThreshold: number;
  /** Names of warning lists that mark the value as known benign, or an empty list. */
  warningsFor: (type: IndicatorType, value: string) => string[];
  now?: Date;
}

// Rows per statement: large enough to amortise statement overhead, under SQLite's 32,766 parameters.
const CHUNK = 400;
export const UPSERT_CHUNK = 1500;

function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** Insert unknown indicators, touch known ones; returns ids by "type\0value". */
export async function upsertIndicators(
  trx: Kysely<Database>,
  items: { type: IndicatorType; value: string }[],
  opts: Pick<StoreOptions, 'warningsFor'> & { now: string },
): Promise<Map<string, { id: number; common: boolean; warning: string | null }>> {
  const out = new Map<string, { id: number; common: boolean; warning: string | null }>();
  for (const part of chunks(items, UPSERT_CHUNK)) {
    const rows = await trx
      .insertInto('indicator')
      .values(
        part.map((i) => {
          const w = opts.warningsFor(i.type, i.value);
          return {
            type: i.type,
            value: i.value,
            first_seen_at: opts.now,
            last_seen_at: opts.now,
            warning: w.length ? JSON.stringify(w) : null,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['type', 'value']).doUpdateSet({ last_seen_at: (eb) => eb.ref('excluded.last_seen_at') }))
      .returning(['id', 'type', 'value', 'common', 'warning'])
      .execute();
    for (const r of rows) out.set(`${r.type}\u0000${r.value}`, { id: Number(r.id), common: !!r.common, warning: r.warning });
  }
  return out;
}

export interface StoreResult {
  indicatorIds: number[];
  clusterId: number | null;
}

export async function storeSightings(
  trx: Kysely<Database>,
  dialect: Dialect,
  rec: RecordKey,
  items: SightingInput[],
  opts: StoreOptions,
): Promise<StoreResult> {
  const now = (opts.now ?? new Date()).toISOString();
  const distinct = [...new Map(items.map((i) => [`${i.type}\u0000${i.value}`, { type: i.type, value: i.value }])).values()];
  if (distinct.length === 0) return { indicatorIds: [], clusterId: null };
  const ids = await upsertIndicators(trx, distinct, { warningsFor: opts.warningsFor, now });
  const allIds = [...new Set([...ids.values()].map((v) => v.id))];

  const already = new Set<number>();
  for (const part of chunks(allIds)) {
    const rows = await trx
      .selectFrom('sighting')
      .select('indicator_id')
      .where('record_type', '=', rec.recordType)
      .where('record_id', '=', rec.recordId)
      .where('indicator_id', 'in', part)
      .execute();
    for (const r of rows) already.add(Number(r.indicator_id));
  }
  // A record edited again only adds what is new: a value already sighted there is not repeated.
  const sightings = items
    .filter((i) => !already.has((ids.get(`${i.type}\u0000${i.value}`) as { id: number }).id))
    .map((i) => ({
      indicator_id: (ids.get(`${i.type}\u0000${i.value}`) as { id: number }).id,
      record_type: rec.recordType,
      record_id: rec.recordId,
      unit_id: rec.unitId,
      seen_at: now,
      start_offset: i.start ?? null,
      end_offset: i.end ?? null,
    }));
  for (const part of chunks(sightings, 300)) await trx.insertInto('sighting').values(part).execute();

  // Count the record once per indicator; a value seen in too many records becomes common.
  const newlyLinked = allIds.filter((id) => !already.has(id));
  for (const part of chunks(newlyLinked)) {
    await trx
      .updateTable('indicator')
      .set({
        record_count: sql`record_count + 1`,
        common: sql`case when record_count + 1 > ${opts.commonThreshold} then 1 else common end`,
      })
      .where('id', 'in', part)
      .execute();
  }
  const clusterId = await updateClusters(trx, dialect, rec, allIds);
  return { indicatorIds: allIds, clusterId };
}

/**
 * Put the record in one cluster with every other record that shares a correlatable indicator
 * (not common, not on a warning list), merging clusters when the record bridges them.
 */
async function updateClusters(trx: Kysely<Database>, dialect: Dialect, rec: RecordKey, indicatorIds: number[]): Promise<number | null> {
  const eligible: number[] = [];
  for (const part of chunks(indicatorIds)) {
    const rows = await trx
      .selectFrom('indicator')
      .select('id')
      .where('id', 'in', part)
      .where('common', '=', 0)
      .where('warning', 'is', null)
      .execute();
    eligible.push(...rows.map((r) => Number(r.id)));
  }
  if (eligible.length === 0) return null;
  const peers = new Map<string, { record_type: string; record_id: string; unit_id: string | null }>();
  for (const part of chunks(eligible)) {
    const rows = await trx
      .selectFrom('sighting')
      .select(['record_type', 'record_id', 'unit_id'])
      .distinct()
      .where('indicator_id', 'in', part)
      .execute();
    for (const r of rows)
      if (!(r.record_type === rec.recordType && r.record_id === rec.recordId)) peers.set(`${r.record_type}\u0000${r.record_id}`, r);
  }
  if (peers.size === 0) return null;
  // Cluster maintenance reads and rewrites several rows: one writer at a time.
  await lockForAppend(trx as Kysely<unknown>, dialect, 'record_cluster');
  const members = [{ record_type: rec.recordType, record_id: rec.recordId, unit_id: rec.unitId }, ...peers.values()];
  const existing = new Map<string, number>();
  const byType = new Map<string, string[]>();
  for (const m of members) byType.set(m.record_type, [...(byType.get(m.record_type) ?? []), m.record_id]);
  for (const [type, recordIds] of byType) {
    for (const part of chunks(recordIds)) {
      const rows = await trx
        .selectFrom('record_cluster')
        .select(['record_id', 'cluster_id'])
        .where('record_type', '=', type)
        .where('record_id', 'in', part)
        .execute();
      for (const r of rows) existing.set(`${type}\u0000${r.record_id}`, Number(r.cluster_id));
    }
  }
  const clusterIds = [...new Set(existing.values())];
  const missing = members.filter((m) => !existing.has(`${m.record_type}\u0000${m.record_id}`));
  let target: number;
  if (clusterIds.length > 0) {
    // Union by size: the largest cluster keeps its id; only the smaller ones' rows are rewritten.
    const sizes = await trx.selectFrom('cluster').select(['id', 'size']).where('id', 'in', clusterIds).execute();
    sizes.sort((a, b) => b.size - a.size || Number(a.id) - Number(b.id));
    target = Number(sizes[0]?.id ?? clusterIds[0]);
    const others = sizes.slice(1);
    const moved = others.reduce((n, c) => n + c.size, 0);
    for (const part of chunks(others.map((c) => Number(c.id)))) {
      await trx.updateTable('record_cluster').set({ cluster_id: target }).where('cluster_id', 'in', part).execute();
      await trx.deleteFrom('cluster').where('id', 'in', part).execute();
    }
    await trx
      .updateTable('cluster')
      .set({ size: sql`size + ${moved + missing.length}` })
      .where('id', '=', target)
      .execute();
  } else {
    const created = await trx.insertInto('cluster').values({ size: missing.length }).returning('id').executeTakeFirstOrThrow();
    target = Number(created.id);
  }
  for (const part of chunks(missing, 200)) {
    await trx
      .insertInto('record_cluster')
      .values(part.map((m) => ({ record_type: m.record_type, record_id: m.record_id, unit_id: m.unit_id, cluster_id: target })))
      .execute();
  }
  return target;
}

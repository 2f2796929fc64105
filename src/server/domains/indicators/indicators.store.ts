import { type RawBuilder, sql } from 'kysely';
import { type IndicatorRole, type IndicatorType, VICTIM_ROLE } from '../../../contracts/indicators.contracts.js';
import { jsonRows, lockForAppend } from '../../core/db/db.dialect.js';
import type { Tx } from '../../core/db/db.tx.js';
import { notStaged } from '../../core/staging/staging.js';

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
  /** Unknown unless said; a `victim` sighting is stored in its record only (never counted or correlated). */
  role?: IndicatorRole;
}

export interface StoreOptions {
  /** A value in more than this many records is "common": kept, but out of clusters. */
  commonThreshold: number;
  /** Names of warning lists that mark the value as known benign, or an empty list. */
  warningsFor: (type: IndicatorType, value: string) => string[];
  now?: Date;
  /**
   * The records were created in this transaction and have no sightings yet, so there is nothing
   * to de-duplicate against (saves an index probe per sighting in bulk loads).
   */
  freshRecords?: boolean;
  /**
   * With freshRecords: values the batch's records had before and no longer have. Each loses one
   * record from its count in the same write, in the same key order as every other count, so two
   * saves touching the same values always lock them in one order (no deadlock on PostgreSQL).
   */
  unlinked?: { type: IndicatorType; value: string }[];
  /**
   * The records belong to a staging batch (core/staging) not yet published: their sightings are
   * written with it, and no value's count changes (publishSightings counts them, once, later).
   */
  batchId?: string;
}

// Rows per statement where rows are spelled out as placeholders (SQLite allows 32,766 in all).
const CHUNK = 400;
// Rows per JSON parameter: bounded so one statement's JSON stays a few megabytes.
const JSON_CHUNK = 5000;

function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Ids to look up in batches: a record's few as placeholders (the plans correlation is tuned for),
 * a bulk load's hundreds of thousands as one JSON parameter per JSON_CHUNK instead of a statement
 * per 400.
 */
function idBatches(tx: Tx, ids: number[]): (number[] | RawBuilder<number>)[] {
  if (ids.length <= CHUNK) return ids.length > 0 ? [ids] : [];
  return chunks(ids, JSON_CHUNK).map((part) => {
    const rows = jsonRows(
      tx.dialect,
      part.map((id) => [id]),
      [['id', 'int']],
    );
    return sql<number>`(select id from ${rows} as r)`;
  });
}

const keyOf = (type: string, value: string) => `${type}\u0000${value}`;

/** The distinct values of a batch, in key order, with how many of the batch's records link to each. */
interface Distinct {
  slotOf: Map<string, number>;
  keys: string[];
  items: { type: IndicatorType; value: string }[];
  links: number[];
}

/**
 * Insert unknown indicators, touch known ones; returns each value's id by its position in
 * `values`. `values.links` adds to each value's record count in the same write.
 */
async function upsertIndicators(
  tx: Tx,
  values: Distinct,
  opts: Pick<StoreOptions, 'warningsFor' | 'commonThreshold' | 'batchId'> & { now: string },
): Promise<number[]> {
  const { kysely: trx, dialect } = tx;
  const ids: number[] = new Array(values.keys.length);
  const slot = values.slotOf;
  // In key order (type, then value), so neighbouring values land on neighbouring index pages
  // (the default sort compares code units, as "<" does, without a call per comparison).
  const order = values.keys.slice().sort();
  const seen = sql`cast(${opts.now} as ${sql.raw(dialect.timestamp)})`;
  const t = opts.commonThreshold;
  // A staged batch leaves known values as they were: they are seen when it is published.
  const keepSeen = opts.batchId ? sql`true` : sql`excluded.record_count < 0`;
  for (let from = 0; from < order.length; from += JSON_CHUNK) {
    const rows: unknown[][] = [];
    for (const k of order.slice(from, from + JSON_CHUNK)) {
      const i = slot.get(k) as number;
      const { type, value } = values.items[i] as { type: IndicatorType; value: string };
      const w = opts.warningsFor(type, value);
      rows.push([type, value, w.length ? JSON.stringify(w) : null, values.links[i]]);
    }
    const src = jsonRows(dialect, rows, [
      ['type', 'text'],
      ['value', 'text'],
      ['warning', 'text'],
      ['n', 'int'],
    ]);
    // "where true" lets SQLite tell the upsert clause from a join constraint.
    const res = await sql<{ id: number; type: string; value: string }>`
      insert into indicator (type, value, first_seen_at, last_seen_at, warning, record_count, common)
      select type, value, ${seen}, ${seen}, warning, n, case when n > ${t} then 1 else 0 end from ${src} as r where true
      on conflict (type, value) do update set
        last_seen_at = case when ${keepSeen} then indicator.last_seen_at else excluded.last_seen_at end,
        record_count = indicator.record_count + excluded.record_count,
        common = case when indicator.record_count + excluded.record_count > ${t} then 1
          when excluded.record_count < 0 then 0 else indicator.common end
      returning id, type, value`.execute(trx);
    for (const r of res.rows) ids[slot.get(keyOf(r.type, r.value)) as number] = Number(r.id);
  }
  return ids;
}

export interface StoreResult {
  indicatorIds: number[];
  clusterId: number | null;
}

export interface IngestResult {
  /** Every indicator of the batch, new or known, sighted in some record other than as the victim's own. */
  indicatorIds: number[];
  /** Sightings written (a value already sighted in a record is not written again there). */
  sightings: number;
}

/**
 * Write the sightings of many records at once: upsert their indicators, insert the sightings a
 * record does not have yet, and count each newly linked record once per indicator (a value in more
 * than the threshold's records becomes common). Clusters are left to the caller: one record
 * updates its cluster at once (storeSightings), a bulk load rebuilds them at the end.
 */
export async function ingestBulk(tx: Tx, batch: { rec: RecordKey; items: SightingInput[] }[], opts: StoreOptions): Promise<IngestResult> {
  const { kysely: trx, dialect } = tx;
  const now = (opts.now ?? new Date()).toISOString();
  // Bulk loads hand over hundreds of thousands of items: each value's key is built once, each
  // item refers to its value by position, and a value counts once per record that links to it.
  const slotOf = new Map<string, number>();
  const values: Distinct = { slotOf, keys: [], items: [], links: [] };
  const lastRecord: number[] = [];
  const itemSlot: number[] = [];
  const notVictim: boolean[] = [];
  batch.forEach((b, r) => {
    for (const i of b.items) {
      const k = keyOf(i.type, i.value);
      let s = slotOf.get(k);
      if (s === undefined) {
        s = values.keys.length;
        slotOf.set(k, s);
        values.keys.push(k);
        values.items.push(i);
        values.links.push(0);
        lastRecord.push(-1);
      }
      itemSlot.push(s);
      // The victim's own values are stored in their record only: they count for nothing.
      if (i.role === VICTIM_ROLE) continue;
      notVictim[s] = true;
      if (opts.freshRecords && !opts.batchId && lastRecord[s] !== r) {
        lastRecord[s] = r;
        (values.links[s] as number)++;
      }
    }
  });
  const sighted = values.keys.length;
  for (const i of opts.freshRecords ? (opts.unlinked ?? []) : []) {
    const k = keyOf(i.type, i.value);
    const s = slotOf.get(k);
    if (s !== undefined) {
      (values.links[s] as number)--; // still in the text: its count stays as it was
      continue;
    }
    slotOf.set(k, values.keys.length);
    values.keys.push(k);
    values.items.push(i);
    values.links.push(-1);
  }
  if (values.keys.length === 0) return { indicatorIds: [], sightings: 0 };
  // New records link to each of their distinct values once: counted in the upsert itself.
  const all = await upsertIndicators(tx, values, {
    warningsFor: opts.warningsFor,
    commonThreshold: opts.commonThreshold,
    batchId: opts.batchId,
    now,
  });
  const ids = all.slice(0, sighted);
  const counted = ids.filter((_, s) => notVictim[s]);
  const rows = sightingRows(batch, ids, itemSlot);
  const seen = sql`cast(${now} as ${sql.raw(dialect.timestamp)})`;
  let written = 0;
  const newlyLinked = new Map<string, Set<number>>();
  for (const part of chunks(rows, JSON_CHUNK)) {
    const src = jsonRows(dialect, part, [
      ['indicator_id', 'int'],
      ['record_type', 'text'],
      ['record_id', 'text'],
      ['unit_id', 'text'],
      ['start_offset', 'int'],
      ['end_offset', 'int'],
      ['role', 'text'],
    ]);
    // Materialised: each row's fields are read out of the JSON once, not again for every
    // reference in the check below (SQLite would otherwise re-parse each row's JSON per column use).
    const insert = sql`with r as materialized ${src}
      insert into sighting (indicator_id, record_type, record_id, unit_id, seen_at, start_offset, end_offset, role, batch_id)
      select indicator_id, record_type, record_id, unit_id, ${seen}, start_offset, end_offset, role, ${opts.batchId ?? null} from r`;
    if (opts.freshRecords) {
      await sql`${insert}`.execute(trx);
      written += part.length;
      continue;
    }
    // A record edited again only adds what is new: a value already sighted there is not repeated
    // (both engines evaluate the check against the table as it was before this statement).
    const res = await sql<{ indicator_id: number; record_type: string; record_id: string; role: string }>`${insert}
      where not exists (select 1 from sighting s
        where s.indicator_id = r.indicator_id and s.record_type = r.record_type and s.record_id = r.record_id)
      returning indicator_id, record_type, record_id, role`.execute(trx);
    written += res.rows.length;
    for (const r of res.rows) {
      if (r.role === VICTIM_ROLE) continue;
      const k = keyOf(r.record_type, r.record_id);
      const set = newlyLinked.get(k) ?? new Set<number>();
      set.add(Number(r.indicator_id));
      newlyLinked.set(k, set);
    }
  }
  // A record edited again counts once per indicator it newly links to.
  const newByIndicator = new Map<number, number>();
  for (const set of newlyLinked.values()) for (const id of set) newByIndicator.set(id, (newByIndicator.get(id) ?? 0) + 1);
  for (const part of chunks([...newByIndicator.entries()], JSON_CHUNK)) {
    const src = jsonRows(dialect, part, [
      ['id', 'int'],
      ['n', 'int'],
    ]);
    await sql`update indicator set
        record_count = indicator.record_count + r.n,
        common = case when indicator.record_count + r.n > ${opts.commonThreshold} then 1 else indicator.common end
      from ${src} as r where indicator.id = r.id`.execute(trx);
  }
  return { indicatorIds: [...new Set(counted)], sightings: written };
}

/**
 * The sighting rows of a batch in indicator order, so inserts walk the correlation index instead
 * of jumping about it. Sorted as numbers in a typed array (id and position packed in one double)
 * rather than with a comparison callback per pair: bulk loads sort hundreds of thousands.
 */
function sightingRows(batch: { rec: RecordKey; items: SightingInput[] }[], ids: number[], itemSlot: number[]): unknown[][] {
  const n = itemSlot.length;
  const at: { rec: RecordKey; item: SightingInput }[] = new Array(n);
  const order = new Float64Array(n);
  const SPAN = 2 ** 22;
  let packable = n < SPAN;
  let p = 0;
  for (const b of batch) {
    for (const item of b.items) {
      const id = ids[itemSlot[p] as number] as number;
      if (id >= 2 ** 30) packable = false;
      at[p] = { rec: b.rec, item };
      order[p] = id * SPAN + p;
      p++;
    }
  }
  let positions: ArrayLike<number>;
  if (packable) {
    order.sort();
    positions = order.map((v) => v % SPAN);
  } else {
    positions = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (ids[itemSlot[a] as number] as number) - (ids[itemSlot[b] as number] as number),
    );
  }
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const q = positions[i] as number;
    const { rec, item } = at[q] as { rec: RecordKey; item: SightingInput };
    rows[i] = [
      ids[itemSlot[q] as number],
      rec.recordType,
      rec.recordId,
      rec.unitId,
      item.start ?? null,
      item.end ?? null,
      item.role ?? 'unknown',
    ];
  }
  return rows;
}

/** One record's sightings, with its cluster brought up to date in the same transaction. */
export async function storeSightings(tx: Tx, rec: RecordKey, items: SightingInput[], opts: StoreOptions): Promise<StoreResult> {
  const { indicatorIds } = await ingestBulk(tx, [{ rec, items }], opts);
  // A staged record joins clusters after its batch is published (clusterBatch).
  if (indicatorIds.length === 0 || opts.batchId) return { indicatorIds, clusterId: null };
  const clusterId = await updateClusters(tx, rec, indicatorIds);
  return { indicatorIds, clusterId };
}

/**
 * A feed (`renkei import indicators`) is where values came from, not a record of a case: its
 * sightings say "this value is on feed X" (and count it), but never draw records into a cluster.
 * Otherwise a feed of 200,000 values would join every consultation holding any one of them.
 */
export const FEED_RECORD_TYPE = 'feed';

/**
 * Put the record in one cluster with every other record that shares a correlatable indicator
 * (not common, not on a warning list), merging clusters when the record bridges them.
 */
export async function updateClusters(tx: Tx, rec: RecordKey, indicatorIds: number[]): Promise<number | null> {
  if (rec.recordType === FEED_RECORD_TYPE) return null;
  const trx = tx.kysely;
  const eligible: number[] = [];
  for (const part of idBatches(tx, indicatorIds)) {
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
  for (const part of idBatches(tx, eligible)) {
    const rows = await trx
      .selectFrom('sighting')
      .select(['record_type', 'record_id', 'unit_id'])
      .distinct()
      .where('indicator_id', 'in', part)
      .where('role', '<>', VICTIM_ROLE)
      .where('record_type', '<>', FEED_RECORD_TYPE)
      .where(notStaged('sighting.batch_id'))
      .execute();
    for (const r of rows)
      if (!(r.record_type === rec.recordType && r.record_id === rec.recordId)) peers.set(`${r.record_type}\u0000${r.record_id}`, r);
  }
  if (peers.size === 0) return null;
  // Cluster maintenance reads and rewrites several rows: one writer at a time.
  await lockForAppend(tx, 'record_cluster');
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

/**
 * A staging batch is being published (in the caller's short transaction): each value its records
 * hold counts each of them once now, and is seen now. Proportional to the batch's distinct values.
 */
export async function publishSightings(tx: Tx, batchId: string, commonThreshold: number, now = new Date()): Promise<void> {
  const seen = sql`cast(${now.toISOString()} as ${sql.raw(tx.dialect.timestamp)})`;
  await sql`update indicator set
      record_count = indicator.record_count + r.n,
      common = case when indicator.record_count + r.n > ${commonThreshold} then 1 else indicator.common end,
      last_seen_at = ${seen}
    from (select indicator_id, count(distinct record_type || ':' || record_id) as n from sighting
      where batch_id = ${batchId} and role <> ${VICTIM_ROLE} group by indicator_id) as r
    where indicator.id = r.indicator_id`.execute(tx.kysely);
}

/**
 * After publishing: put up to `limit` of the batch's sightings after `after` (by id) into their
 * records' clusters, as storeSightings does for one record. Returns the last sighting id done,
 * or null when none are left. Clusters are derived: until this has run, a published record is
 * related to the others (its sightings are live) but not yet drawn in their cluster.
 */
export async function clusterBatch(tx: Tx, batchId: string, after: number, limit: number): Promise<number | null> {
  const rows = await tx.kysely
    .selectFrom('sighting')
    .select(['id', 'indicator_id', 'record_type', 'record_id', 'unit_id'])
    .where('batch_id', '=', batchId)
    .where('id', '>', after)
    .where('role', '<>', VICTIM_ROLE)
    .orderBy('id')
    .limit(limit)
    .execute();
  if (rows.length === 0) return null;
  const byRecord = new Map<string, { rec: RecordKey; ids: Set<number> }>();
  for (const r of rows) {
    const k = keyOf(r.record_type, r.record_id);
    const e = byRecord.get(k) ?? { rec: { recordType: r.record_type, recordId: r.record_id, unitId: r.unit_id }, ids: new Set<number>() };
    e.ids.add(Number(r.indicator_id));
    byRecord.set(k, e);
  }
  // A record split over two pages joins the same cluster twice: updateClusters only adds what is missing.
  for (const { rec, ids } of byRecord.values()) await updateClusters(tx, rec, [...ids]);
  return Number((rows[rows.length - 1] as { id: number }).id);
}

/**
 * Delete up to `limit` sightings of a batch that was never published (it failed or was
 * abandoned), and the values only they had brought in. Returns how many were deleted.
 */
export async function discardSightings(tx: Tx, batchId: string, limit: number): Promise<number> {
  const rows = await tx.kysely.selectFrom('sighting').select(['id', 'indicator_id']).where('batch_id', '=', batchId).limit(limit).execute();
  if (rows.length === 0) return 0;
  for (const part of chunks(rows.map((r) => Number(r.id)))) await tx.kysely.deleteFrom('sighting').where('id', 'in', part).execute();
  const values = [...new Set(rows.map((r) => Number(r.indicator_id)))];
  for (const part of chunks(values)) {
    await tx.kysely
      .deleteFrom('indicator')
      .where('id', 'in', part)
      .where('record_count', '=', 0)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('sighting').select('sighting.id').whereRef('sighting.indicator_id', '=', 'indicator.id'))),
      )
      .execute();
  }
  return rows.length;
}

import { type Kysely, sql } from 'kysely';
import { type IndicatorType, VICTIM_ROLE } from '../../../contracts/indicators.contracts.js';
import { toJson } from '../../core/db/db.decode.js';
import { jsonRows, lockForAppend, refreshStatistics, resyncSerial } from '../../core/db/db.dialect.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { notStaged } from '../../core/staging/staging.js';
import { FEED_RECORD_TYPE, type RecordKey, updateClusters } from './indicators.store.js';
import type { WarningLists } from './indicators.warninglists.js';

/**
 * Call after a bulk load commits (import, rebuild): the indicator tables are vacuumed and their
 * statistics refreshed at once (core/db refreshStatistics), so correlation runs as it will in the
 * steady state rather than as the tables were before, until autovacuum would have caught up.
 */
export async function afterBulkLoad(db: Db): Promise<void> {
  await refreshStatistics(db.kysely, db.dialect, ['indicator', 'sighting', 'record_cluster', 'cluster']);
}

/** Recompute each indicator's record count and common flag from its sightings. */
async function recountIndicators(db: Db, commonThreshold: number): Promise<void> {
  await sql`update indicator set record_count = coalesce((
      select count(*) from (select distinct record_type, record_id from sighting
        where sighting.indicator_id = indicator.id and sighting.role <> ${VICTIM_ROLE}
          and ${notStaged('sighting.batch_id')}) d), 0)`.execute(db.kysely);
  await sql`update indicator set common = case when record_count > ${commonThreshold} then 1 else 0 end`.execute(db.kysely);
}

/**
 * Rebuild every cluster from the sightings of correlatable indicators (union–find over records),
 * streaming the sightings in indicator order so memory holds records, not sightings.
 */
export async function rebuildClusters(db: Db, onProgress?: (n: number) => void): Promise<number> {
  const index = new Map<string, number>();
  const unitOf: (string | null)[] = [];
  const parent: number[] = [];
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const idOf = (key: string, unit: string | null) => {
    let i = index.get(key);
    if (i === undefined) {
      i = parent.length;
      index.set(key, i);
      parent.push(i);
      unitOf.push(unit);
    }
    return i;
  };
  // Sightings written while this runs are caught up at the end (see below).
  const top = await db.kysely
    .selectFrom('sighting')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  const horizon = Number(top?.m ?? 0);
  // The first record seen with each indicator: every later record with it joins that record's set.
  const firstByIndicator = new Map<number, number>();
  let after = 0;
  let seen = 0;
  for (;;) {
    const page = await db.kysely
      .selectFrom('sighting')
      .innerJoin('indicator', 'indicator.id', 'sighting.indicator_id')
      .select(['sighting.id', 'sighting.indicator_id', 'sighting.record_type', 'sighting.record_id', 'sighting.unit_id'])
      .where('indicator.common', '=', 0)
      .where('indicator.warning', 'is', null)
      .where('sighting.role', '<>', VICTIM_ROLE)
      .where('sighting.record_type', '<>', FEED_RECORD_TYPE)
      .where(notStaged('sighting.batch_id'))
      .where('sighting.id', '>', after)
      .where('sighting.id', '<=', horizon)
      .orderBy('sighting.id')
      .limit(50_000)
      .execute();
    if (page.length === 0) break;
    for (const s of page) {
      const r = idOf(`${s.record_type}\u0000${s.record_id}`, s.unit_id);
      const ind = Number(s.indicator_id);
      const first = firstByIndicator.get(ind);
      if (first === undefined) {
        firstByIndicator.set(ind, r);
        continue;
      }
      const a = find(first);
      const b = find(r);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
    after = Number((page[page.length - 1] as { id: number }).id);
    seen += page.length;
    onProgress?.(seen);
  }
  const size = new Map<number, number>();
  for (let i = 0; i < parent.length; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1);
  // The new clusters replace the old in one transaction: readers see either the old or the new.
  const keys = [...index.keys()];
  let written = 0;
  await withTx(db, async (tx) => {
    // No record's cluster is updated meanwhile (storeSightings takes the same lock).
    await lockForAppend(tx, 'record_cluster');
    await tx.kysely.deleteFrom('record_cluster').execute();
    await tx.kysely.deleteFrom('cluster').execute();
    // Cluster ids are the roots + 1; the cluster table records each size for later merges.
    const roots = [...size.entries()].filter(([, n]) => n > 1);
    for (let k = 0; k < roots.length; k += 2000) {
      await tx.kysely
        .insertInto('cluster')
        .values(roots.slice(k, k + 2000).map(([root, n]) => ({ id: root + 1, size: n })))
        .execute();
    }
    await resyncSerial(tx.kysely as unknown as Kysely<unknown>, db.dialect, 'cluster');
    for (let k = 0; k < keys.length; k += 2000) {
      const part = keys.slice(k, k + 2000).filter((key) => (size.get(find(index.get(key) as number)) ?? 0) > 1);
      if (part.length === 0) continue;
      await tx.kysely
        .insertInto('record_cluster')
        .values(
          part.map((key) => {
            const i = index.get(key) as number;
            const [record_type, record_id] = key.split('\u0000') as [string, string];
            return { record_type, record_id, unit_id: unitOf[i] ?? null, cluster_id: find(i) + 1 };
          }),
        )
        .execute();
      written += part.length;
    }
    // Records saved since the read began (and any whose transaction was still open just before
    // it, on PostgreSQL) join their clusters now, as storeSightings would have done.
    const late = await tx.kysely
      .selectFrom('sighting')
      .select(['record_type', 'record_id', 'unit_id', 'indicator_id'])
      .where('id', '>', horizon - LATE_MARGIN)
      .where('role', '<>', VICTIM_ROLE)
      .where('record_type', '<>', FEED_RECORD_TYPE)
      .where(notStaged('sighting.batch_id'))
      .execute();
    const byRecord = new Map<string, { rec: RecordKey; ids: Set<number> }>();
    for (const l of late) {
      const k = `${l.record_type}\u0000${l.record_id}`;
      const e = byRecord.get(k) ?? { rec: { recordType: l.record_type, recordId: l.record_id, unitId: l.unit_id }, ids: new Set<number>() };
      e.ids.add(Number(l.indicator_id));
      byRecord.set(k, e);
    }
    for (const { rec, ids } of byRecord.values()) await updateClusters(tx, rec, [...ids]);
  });
  return written;
}

const LATE_MARGIN = 1000;

/**
 * Apply the current warning lists to every stored indicator (after a list was added, edited or
 * removed); returns how many annotations changed. Pages by id, so memory stays flat.
 */
export async function reannotateIndicators(db: Db, warnings: WarningLists): Promise<number> {
  let after = 0;
  let changed = 0;
  for (;;) {
    const page = await db.kysely
      .selectFrom('indicator')
      .select(['id', 'type', 'value', 'warning'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (page.length === 0) break;
    const updates: [number, string | null][] = [];
    for (const r of page) {
      const hits = warnings.match(r.type as IndicatorType, r.value);
      const next = hits.length ? toJson(hits) : null;
      if (next !== r.warning) updates.push([Number(r.id), next]);
    }
    if (updates.length > 0) {
      const src = jsonRows(db.dialect, updates, [
        ['id', 'int'],
        ['warning', 'text'],
      ]);
      await sql`update indicator set warning = r.warning from ${src} as r where indicator.id = r.id`.execute(db.kysely);
      changed += updates.length;
    }
    after = Number((page[page.length - 1] as { id: number }).id);
  }
  return changed;
}

/** After a warning list changed: annotations again, then clusters without the newly benign values. */
export async function reapplyWarningLists(db: Db, warnings: WarningLists): Promise<{ annotations: number; clustered: number }> {
  const annotations = await reannotateIndicators(db, warnings);
  const clustered = await rebuildClusters(db);
  await afterBulkLoad(db);
  return { annotations, clustered };
}

/** Everything derived from the lists and the threshold, recomputed: annotations, counts, clusters. */
export async function rebuildDerived(
  db: Db,
  warnings: WarningLists,
  commonThreshold: number,
): Promise<{ annotations: number; clustered: number }> {
  const annotations = await reannotateIndicators(db, warnings);
  await recountIndicators(db, commonThreshold);
  const clustered = await rebuildClusters(db);
  await afterBulkLoad(db);
  return { annotations, clustered };
}

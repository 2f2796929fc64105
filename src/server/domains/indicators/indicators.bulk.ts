import { type Kysely, sql } from 'kysely';
import { resyncSerial } from '../../core/db/db.dialect.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { type RecordKey, type SightingInput, type StoreOptions, upsertIndicators } from './indicators.store.js';

/**
 * Bulk ingest for imports of whole registers and feeds: many records per transaction, indicators
 * upserted and sightings inserted in large batches, and record counts and clusters recomputed once
 * at the end instead of per record. The result is the same as storing each record on its own.
 */
export async function ingestBulk(
  trx: Kysely<Database>,
  batch: { rec: RecordKey; items: SightingInput[] }[],
  opts: Pick<StoreOptions, 'warningsFor'> & { now?: Date },
): Promise<number> {
  const now = (opts.now ?? new Date()).toISOString();
  const distinct = new Map<string, SightingInput>();
  for (const b of batch) for (const i of b.items) distinct.set(`${i.type}\u0000${i.value}`, i);
  const ids = await upsertIndicators(trx, [...distinct.values()], { warningsFor: opts.warningsFor, now });
  const rows = batch.flatMap((b) =>
    b.items.map((i) => ({
      indicator_id: (ids.get(`${i.type}\u0000${i.value}`) as { id: number }).id,
      record_type: b.rec.recordType,
      record_id: b.rec.recordId,
      unit_id: b.rec.unitId,
      seen_at: now,
      start_offset: i.start ?? null,
      end_offset: i.end ?? null,
    })),
  );
  for (let k = 0; k < rows.length; k += 4000)
    await trx
      .insertInto('sighting')
      .values(rows.slice(k, k + 4000))
      .execute();
  return rows.length;
}

/** Recompute each indicator's record count and common flag from its sightings. */
export async function recountIndicators(db: Db, commonThreshold: number): Promise<void> {
  await sql`update indicator set record_count = coalesce((
      select count(*) from (select distinct record_type, record_id from sighting where sighting.indicator_id = indicator.id) d), 0)`.execute(
    db.kysely,
  );
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
      .where('sighting.id', '>', after)
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
  await db.kysely.deleteFrom('record_cluster').execute();
  await db.kysely.deleteFrom('cluster').execute();
  // Cluster ids are the roots + 1; the cluster table records each size for later merges.
  const roots = [...size.entries()].filter(([, n]) => n > 1);
  for (let k = 0; k < roots.length; k += 2000) {
    await db.kysely
      .insertInto('cluster')
      .values(roots.slice(k, k + 2000).map(([root, n]) => ({ id: root + 1, size: n })))
      .execute();
  }
  await resyncSerial(db.kysely as Kysely<unknown>, db.dialect, 'cluster');
  const keys = [...index.keys()];
  let written = 0;
  for (let k = 0; k < keys.length; k += 2000) {
    const part = keys.slice(k, k + 2000).filter((key) => (size.get(find(index.get(key) as number)) ?? 0) > 1);
    if (part.length === 0) continue;
    await db.kysely
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
  return written;
}

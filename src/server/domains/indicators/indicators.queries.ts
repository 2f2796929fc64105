import { type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { type IndicatorType, VICTIM_ROLE } from '../../../contracts/indicators.contracts.js';
import { readableBy } from '../../core/access/access.filter.js';
import { jsonOrNull } from '../../core/db/db.decode.js';
import { jsonRows } from '../../core/db/db.dialect.js';
import type { Database } from '../../core/db/db.schema.js';
import type { Conn } from '../../core/db/db.tx.js';
import type { Principal } from '../../core/http/http.principal.js';
import { notStaged } from '../../core/staging/staging.js';
import { valueAttributesOrNone } from './indicators.display.js';

/**
 * Reading correlations under need-to-know: details only of records the caller may read (the
 * predicate is in the SQL), and for the rest a bare count, never which unit or which record.
 */
type Viewer = Pick<Principal, 'scope' | 'unitId' | 'userId'>;

const readable = (p: Viewer) =>
  readableBy(p, { typeColumn: 'sighting.record_type', idColumn: 'sighting.record_id', ownerUnitColumn: 'sighting.unit_id' });
/**
 * Sightings that are indicator data: the victim's own values stay inside their record, and a
 * record of an import still being staged is not there yet (every query below uses this).
 */
const notVictim = sql<SqlBool>`(sighting.role <> ${VICTIM_ROLE} and ${notStaged('sighting.batch_id')})`;

export interface IndicatorRow {
  id: number;
  type: string;
  value: string;
  firstSeenAt: string;
  lastSeenAt: string;
  recordCount: number;
  common: boolean;
  warnings: string[];
  /** Bank and branch names, an IDN host in Unicode: for the shared renderer. */
  attributes?: Record<string, string> | undefined;
}

const toRow = (r: Database['indicator'] & { id: number | bigint }): IndicatorRow => ({
  id: Number(r.id),
  type: r.type,
  value: r.value,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  recordCount: Number(r.record_count),
  common: !!r.common,
  warnings: jsonOrNull<string[]>(r.warning) ?? [],
  attributes: valueAttributesOrNone(r.type, r.value),
});

/**
 * An indicator by id, as far as the caller may know it. Its value (and type, times, counts) only
 * when a record the caller may read holds it: ids are sequential, so anything else would let any
 * reader list every value written in any station's narrative. Otherwise `indicator` is null and
 * only the number of records the caller may not read is told. `ownUnit`: a sighting of it is in a
 * record of the caller's own unit (reads of the others are audited by the caller).
 */
export async function findIndicator(
  db: Kysely<Database>,
  viewer: Viewer,
  id: number,
): Promise<{ indicator: IndicatorRow | null; ownUnit: boolean; exists: boolean }> {
  const r = await db
    .selectFrom('indicator')
    .selectAll()
    .select((eb) => [
      eb
        .exists(
          eb.selectFrom('sighting').select('sighting.id').where('sighting.indicator_id', '=', id).where(notVictim).where(readable(viewer)),
        )
        .as('readable'),
      eb
        .exists(
          eb
            .selectFrom('sighting')
            .select('sighting.id')
            .where('sighting.indicator_id', '=', id)
            .where('sighting.unit_id', '=', viewer.unitId)
            .where(notVictim),
        )
        .as('own'),
    ])
    .where('id', '=', id)
    // Known only as someone's own phone or account: not an indicator anyone may look up.
    .where((eb) => eb.exists(eb.selectFrom('sighting').select('sighting.id').where('sighting.indicator_id', '=', id).where(notVictim)))
    .executeTakeFirst();
  if (!r) return { indicator: null, ownUnit: false, exists: false };
  const { readable: canRead, own, ...row } = r as typeof r & { readable: unknown; own: unknown };
  const yes = (x: unknown) => x === true || Number(x) === 1;
  return { indicator: yes(canRead) ? toRow(row as never) : null, ownUnit: yes(own), exists: true };
}

/** Batch lookup by canonical value: the pairs as one JSON parameter, joined on the unique index. */
export async function lookupIndicators(conn: Conn, items: { type: IndicatorType; value: string }[]): Promise<IndicatorRow[]> {
  const { kysely: db, dialect } = conn;
  const out: IndicatorRow[] = [];
  for (let k = 0; k < items.length; k += 5000) {
    const pairs = [...new Map(items.slice(k, k + 5000).map((i) => [`${i.type}\u0000${i.value}`, [i.type, i.value]])).values()];
    const src = jsonRows(dialect, pairs, [
      ['type', 'text'],
      ['value', 'text'],
    ]);
    const rows = await sql<Database['indicator'] & { id: number }>`
      select i.* from ${src} as r join indicator i on i.type = r.type and i.value = r.value
      where exists (select 1 from sighting where sighting.indicator_id = i.id and ${notVictim})`.execute(db);
    out.push(...rows.rows.map((r) => toRow(r as never)));
  }
  return out;
}

export interface RelatedRecord {
  recordType: string;
  recordId: string;
  unitId: string | null;
  indicatorIds: number[];
}

export interface Related {
  visible: RelatedRecord[];
  /** Records the caller may not read, per indicator: "N related records in other units". */
  hiddenByIndicator: Record<number, number>;
}

/** Other records that share any of these indicators, split by what the caller may read. */
export async function relatedRecords(
  db: Kysely<Database>,
  viewer: Viewer,
  indicatorIds: number[],
  exclude?: { recordType: string; recordId: string },
  limit = 200,
): Promise<Related> {
  if (indicatorIds.length === 0) return { visible: [], hiddenByIndicator: {} };
  // Common values and known-benign ones are kept out of correlation: they would link everything.
  // They are dropped by primary key first, so the sighting query below sees only values in a
  // bounded number of records: sent along, a hot value made PostgreSQL estimate thousands of
  // rows and scan the whole sighting index (840 ms median at 100k records, measured).
  const ids = (
    await db
      .selectFrom('indicator')
      .select('id')
      .where('id', 'in', indicatorIds)
      .where('common', '=', 0)
      .where('warning', 'is', null)
      .execute()
  ).map((r) => Number(r.id));
  if (ids.length === 0) return { visible: [], hiddenByIndicator: {} };
  const notSelf = exclude
    ? sql<boolean>`not (sighting.record_type = ${exclude.recordType} and sighting.record_id = ${exclude.recordId})`
    : sql<boolean>`1 = 1`;
  const correlatable = (q: SelectQueryBuilder<Database, 'sighting', object>) =>
    q.where('sighting.indicator_id', 'in', ids).where(notVictim).where(notSelf);
  // The sightings are read first (materialized), by the indicator index, then made distinct and
  // cut. Asked in one query, PostgreSQL answered a small limit (the escalation rules ask for 1) by
  // walking the whole sighting index in record order, hoping to stop early: for a value no other
  // record holds it never does (5–10 s per save at 1M records, measured under load).
  const rows = await db
    .with(
      (cte) => cte('s').materialized(),
      (q) =>
        q
          .selectFrom('sighting')
          .$call(correlatable)
          .select(['sighting.record_type', 'sighting.record_id', 'sighting.unit_id', 'sighting.indicator_id'])
          .where(readable(viewer)),
    )
    .selectFrom('s')
    .select(['s.record_type', 's.record_id', 's.unit_id', 's.indicator_id'])
    .distinct()
    .limit(limit * 4)
    .execute();
  const visible = new Map<string, RelatedRecord>();
  for (const r of rows) {
    const k = `${r.record_type}\u0000${r.record_id}`;
    const e = visible.get(k) ?? { recordType: r.record_type, recordId: r.record_id, unitId: r.unit_id, indicatorIds: [] };
    e.indicatorIds.push(Number(r.indicator_id));
    visible.set(k, e);
  }
  // A prefecture-wide reader has nothing hidden: skip the count.
  const hidden =
    viewer.scope === 'prefecture'
      ? []
      : await db
          .selectFrom('sighting')
          .$call(correlatable)
          .select(['sighting.indicator_id', sql<number>`count(distinct sighting.record_type || ':' || sighting.record_id)`.as('n')])
          .where(sql<boolean>`not ${readable(viewer)}`)
          .groupBy('sighting.indicator_id')
          .execute();
  const hiddenByIndicator: Record<number, number> = {};
  for (const h of hidden) hiddenByIndicator[Number(h.indicator_id)] = Number(h.n);
  return { visible: [...visible.values()].slice(0, limit), hiddenByIndicator };
}

export interface SightingView {
  recordType: string;
  recordId: string;
  unitId: string | null;
  seenAt: string;
  start: number | null;
  end: number | null;
}

export async function visibleSightings(
  db: Kysely<Database>,
  viewer: Viewer,
  indicatorId: number,
  limit = 200,
): Promise<{ items: SightingView[]; hidden: number }> {
  const rows = await db
    .selectFrom('sighting')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where(notVictim)
    .where(readable(viewer))
    .orderBy('seen_at', 'desc')
    .limit(limit)
    .execute();
  const hidden = await db
    .selectFrom('sighting')
    .select(sql<number>`count(distinct sighting.record_type || ':' || sighting.record_id)`.as('n'))
    .where('indicator_id', '=', indicatorId)
    .where(notVictim)
    .where(sql<boolean>`not ${readable(viewer)}`)
    .executeTakeFirst();
  return {
    items: rows.map((r) => ({
      recordType: r.record_type,
      recordId: r.record_id,
      unitId: r.unit_id,
      seenAt: r.seen_at,
      start: r.start_offset,
      end: r.end_offset,
    })),
    hidden: Number(hidden?.n ?? 0),
  };
}

export interface ClusterView {
  clusterId: number | null;
  records: { recordType: string; recordId: string; unitId: string | null }[];
  hidden: number;
  /** Which visible records share which indicators, for the graph. */
  links: { recordType: string; recordId: string; indicatorId: number }[];
  /**
   * The values the links are made of. Each is held by two or more records the caller may read,
   * so naming it tells them nothing their records do not.
   */
  indicators: { id: number; type: string; value: string; attributes?: Record<string, string> | undefined }[];
}

/** The cluster a record belongs to, as far as the caller may see it. */
export async function clusterOfRecord(db: Kysely<Database>, viewer: Viewer, recordType: string, recordId: string): Promise<ClusterView> {
  const own = await db
    .selectFrom('record_cluster')
    .select('cluster_id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
  if (!own) return { clusterId: null, records: [], hidden: 0, links: [], indicators: [] };
  const clusterId = Number(own.cluster_id);
  const readableMember = readableBy(viewer, {
    typeColumn: 'record_cluster.record_type',
    idColumn: 'record_cluster.record_id',
    ownerUnitColumn: 'record_cluster.unit_id',
  });
  // A record the caller may not read has no cluster for them: not even that it is in one.
  const self = await db
    .selectFrom('record_cluster')
    .select('record_id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where(readableMember)
    .executeTakeFirst();
  if (!self) return { clusterId: null, records: [], hidden: 0, links: [], indicators: [] };
  const records = await db
    .selectFrom('record_cluster')
    .select(['record_type', 'record_id', 'unit_id'])
    .where('cluster_id', '=', clusterId)
    .where(readableMember)
    .limit(500)
    .execute();
  const hidden = await db
    .selectFrom('record_cluster')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cluster_id', '=', clusterId)
    .where(sql<boolean>`not ${readableMember}`)
    .executeTakeFirst();
  const links: ClusterView['links'] = [];
  for (let k = 0; k < records.length; k += 100) {
    const part = records.slice(k, k + 100);
    const rows = await db
      .selectFrom('sighting')
      .innerJoin('indicator', 'indicator.id', 'sighting.indicator_id')
      .select(['sighting.record_type', 'sighting.record_id', 'sighting.indicator_id'])
      .distinct()
      .where('indicator.common', '=', 0)
      .where('indicator.warning', 'is', null)
      .where(notVictim)
      .where((eb) =>
        eb.or(part.map((m) => eb.and([eb('sighting.record_type', '=', m.record_type), eb('sighting.record_id', '=', m.record_id)]))),
      )
      .execute();
    for (const r of rows) links.push({ recordType: r.record_type, recordId: r.record_id, indicatorId: Number(r.indicator_id) });
  }
  // Only indicators shared by two or more visible records draw an edge.
  const uses = new Map<number, number>();
  for (const l of links) uses.set(l.indicatorId, (uses.get(l.indicatorId) ?? 0) + 1);
  const shared = links.filter((l) => (uses.get(l.indicatorId) ?? 0) >= 2);
  const ids = [...new Set(shared.map((l) => l.indicatorId))];
  const values = ids.length ? await db.selectFrom('indicator').select(['id', 'type', 'value']).where('id', 'in', ids).execute() : [];
  return {
    clusterId,
    records: records.map((r) => ({ recordType: r.record_type, recordId: r.record_id, unitId: r.unit_id })),
    hidden: Number(hidden?.n ?? 0),
    links: shared,
    indicators: values.map((v) => ({
      id: Number(v.id),
      type: v.type,
      value: v.value,
      attributes: valueAttributesOrNone(v.type, v.value),
    })),
  };
}

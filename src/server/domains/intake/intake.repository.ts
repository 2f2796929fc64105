import { type Expression, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import {
  type ConsultationSummary,
  type EscalationView,
  intakeCategory,
  type ListFilters,
  type Modus,
  type RuleView,
} from '../../../contracts/intake.contracts.js';
import { partPredicate, readableBy, readableParts, recordTags, revealableBy, viewerTags } from '../../core/access/access.filter.js';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import { flag, json } from '../../core/db/db.decode.js';
import { filterOnly } from '../../core/db/db.dialect.js';
import type { Database } from '../../core/db/db.schema.js';
import { type Conn, type Tx, withTx } from '../../core/db/db.tx.js';
import type { Principal } from '../../core/http/http.principal.js';
import { indexText, type SearchDriver, searchDriver } from '../../core/search/search.index.js';
import { notStaged } from '../../core/staging/staging.js';
import { addEvent as addRecordEvent, recordEvents } from '../../core/timeline/timeline.js';
import { normaliseSearchQuery, searchForms } from '../indicators/index.js';
import { nameActors } from '../org/index.js';
import { partyView } from './intake.personal.js';
import { type RuleSetting, ruleCatalogue } from './intake.rules.js';
import type { ConsultationTable, EscalationTable } from './intake.tables.js';

export const RECORD_TYPE = 'consultation';
/** The timeline event of a share with a unit. */
export const SHARED_EVENT = 'shared';
export const SEARCH_INDEX = { name: 'consultation' };
export type Viewer = Pick<Principal, 'scope' | 'unitId' | 'userId'>;

/** Records of a register import still being staged exist for no read (core/staging). */
export const liveConsultation = notStaged('c.import_batch');

/**
 * Need-to-know on the consultation table, aliased `c`: every list, detail, search, count and
 * export goes through this, so it also leaves out records of an import not yet published.
 */
export const readableConsultation = (v: Viewer): Expression<SqlBool> =>
  sql<SqlBool>`(${readableBy(v, { type: RECORD_TYPE, idColumn: 'c.id', ownerUnitColumn: 'c.owning_unit_id' })} and ${liveConsultation})`;

/**
 * Which of `ids` the viewer may read: for domains that link to consultations (a case opened from
 * them) and must refuse an unreadable one exactly as a missing one.
 */
export async function readableConsultationIds(db: Kysely<Database>, v: Viewer, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('consultation as c')
    .select('c.id')
    .where('c.id', 'in', [...ids])
    .where(readableConsultation(v))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The parts of what the caller may read (see readableParts), each as a predicate on `c`. */
export async function readableConsultationParts(db: Kysely<Database>, v: Viewer): Promise<Expression<SqlBool>[]> {
  const ref = { type: RECORD_TYPE, idColumn: 'c.id', ownerUnitColumn: 'c.owning_unit_id' };
  return (await readableParts(db, v, RECORD_TYPE)).map((part) => partPredicate(part, v, ref));
}

/** Whether the caller may reveal the record's personal fields (owner, prefecture-wide, or a share that allows it). */
export async function revealable(db: Kysely<Database>, v: Viewer, id: string): Promise<boolean> {
  const r = await db
    .selectFrom('consultation as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(liveConsultation)
    .where(revealableBy(v, { type: RECORD_TYPE, idColumn: 'c.id', ownerUnitColumn: 'c.owning_unit_id' }))
    .executeTakeFirst();
  return !!r;
}

type Db = Kysely<Database>;
type Q = SelectQueryBuilder<Database & { c: ConsultationTable }, 'c', object>;

/**
 * What the caller may read, narrowed by the list filters; with a search query the bigram index
 * drives the query (see searchDriver): `search.key` is the order to page by, `search.window`
 * a range of it. Null: nothing can match.
 */
export function filteredQuery(
  conn: Conn,
  v: Viewer,
  f: ListFilters,
  /** Need-to-know; one part of it (see readableParts) when the caller queries the parts apart. */
  access: Expression<SqlBool> = readableConsultation(v),
): { q: Q; search: SearchDriver | null } | null {
  const db = conn.kysely;
  let q: Q;
  let search: SearchDriver | null = null;
  if (f.q) {
    // A phone, account or URL typed any way is searched in the form it was indexed in.
    const drv = searchDriver(conn.dialect, SEARCH_INDEX, normaliseSearchQuery(f.q), viewerTags(v));
    if (!drv) return null;
    q = db
      .selectFrom(drv.table)
      .innerJoin('consultation as c', (j) => j.on(sql<SqlBool>`c.seq = ${drv.key}`))
      .where(drv.where) as unknown as Q;
    search = drv;
  } else q = db.selectFrom('consultation as c') as unknown as Q;
  // Records of an import still staged exist for no read, whichever part of need-to-know is asked.
  q = q.where(access).where(liveConsultation);
  if (f.unitId) q = q.where('c.owning_unit_id', '=', f.unitId);
  // A unit's reader walks the unit's records by time, testing these on the way (0017_list_indexes).
  const col = (c: string) => (v.scope === 'unit' ? filterOnly(conn.dialect, c) : sql.ref(c));
  if (f.category) q = q.where(col('c.category'), '=', f.category);
  if (f.modus) q = q.where(col('c.modus'), '=', f.modus);
  if (f.status) q = q.where(col('c.status'), '=', f.status);
  if (f.escalation) q = q.where(col('c.escalation'), '=', f.escalation);
  if (f.from) q = q.where('c.received_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('c.received_at', '<', new Date(f.to).toISOString());
  if (f.minDamage !== undefined) q = q.where('c.damage_amount', '>=', f.minDamage);
  return { q, search };
}

export type ConsultationRow = Selectable<ConsultationTable>;
export type SummaryRow = Pick<
  ConsultationRow,
  | 'id'
  | 'seq'
  | 'ref_no'
  | 'kind'
  | 'channel'
  | 'category'
  | 'modus'
  | 'summary'
  | 'received_at'
  | 'owning_unit_id'
  | 'status'
  | 'escalation'
  | 'damage_amount'
  | 'narrative'
  | 'complainant_type'
  | 'complainant_name_enc'
> & { unit_name: string; unit_name_en: string };

export const summaryColumns = [
  'c.id',
  'c.seq',
  'c.ref_no',
  'c.kind',
  'c.channel',
  'c.category',
  'c.modus',
  'c.summary',
  'c.received_at',
  'c.owning_unit_id',
  'c.status',
  'c.escalation',
  'c.damage_amount',
  'c.narrative',
  'c.complainant_type',
  'c.complainant_name_enc',
] as const;

export function toSummary(k: Keyring, r: SummaryRow): ConsultationSummary {
  return {
    id: r.id,
    refNo: r.ref_no,
    kind: r.kind as ConsultationSummary['kind'],
    channel: r.channel as ConsultationSummary['channel'],
    category: r.category as ConsultationSummary['category'],
    modus: r.modus,
    summary: r.summary,
    receivedAt: r.received_at,
    owningUnitId: r.owning_unit_id,
    owningUnitName: r.unit_name,
    owningUnitNameEn: r.unit_name_en,
    status: r.status as ConsultationSummary['status'],
    escalation: r.escalation as ConsultationSummary['escalation'],
    damageAmount: r.damage_amount === null ? null : Number(r.damage_amount),
    complainantName: partyView(k, r, 'complainant')?.name ?? null,
  };
}

export async function findReadable(
  db: Db,
  v: Viewer,
  id: string,
): Promise<(ConsultationRow & { unit_name: string; unit_name_en: string; received_by_name: string }) | undefined> {
  return db
    .selectFrom('consultation as c')
    .innerJoin('unit as u', 'u.id', 'c.owning_unit_id')
    .innerJoin('app_user as ru', 'ru.id', 'c.received_by')
    .selectAll('c')
    .select(['u.name as unit_name', 'u.name_en as unit_name_en', 'ru.display_name as received_by_name'])
    .where('c.id', '=', id)
    .where(readableConsultation(v))
    .executeTakeFirst();
}

/**
 * A record's events. `withShares: false` leaves out the share events (which unit it was shared
 * with, and why): that is the owner's and サイバー課's business, not that of a unit it was shared with.
 */
export async function timeline(db: Db, consultationId: string, opts: { withShares: boolean }) {
  const events = await recordEvents(
    db,
    { recordType: RECORD_TYPE, recordId: consultationId },
    { without: opts.withShares ? [] : [SHARED_EVENT] },
  );
  return nameActors(db, events);
}

export type EscRow = Selectable<EscalationTable> & {
  ref_no: string;
  summary: string;
  from_name: string;
  from_name_en: string;
  to_name: string;
  to_name_en: string;
  ack_name: string | null;
};

export function escalationQuery(db: Db) {
  return db
    .selectFrom('escalation as e')
    .innerJoin('consultation as c', 'c.id', 'e.consultation_id')
    .innerJoin('unit as fu', 'fu.id', 'e.from_unit_id')
    .innerJoin('unit as tu', 'tu.id', 'e.to_unit_id')
    .leftJoin('app_user as au', 'au.id', 'e.acknowledged_by')
    .selectAll('e')
    .select([
      'c.ref_no',
      'c.summary',
      'fu.name as from_name',
      'fu.name_en as from_name_en',
      'tu.name as to_name',
      'tu.name_en as to_name_en',
      'au.display_name as ack_name',
    ])
    .where(liveConsultation);
}

export function toEscalationView(r: EscRow): EscalationView {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    refNo: r.ref_no,
    summary: r.summary,
    fromUnitName: r.from_name,
    fromUnitNameEn: r.from_name_en,
    toUnitName: r.to_name,
    toUnitNameEn: r.to_name_en,
    manual: flag(r.manual),
    urgent: flag(r.urgent),
    rules: json<string[]>(r.rules),
    reason: r.reason,
    state: r.state as EscalationView['state'],
    raisedAt: r.raised_at,
    dueAt: r.due_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedByName: r.ack_name,
    guidance: r.guidance,
    guidanceAt: r.guidance_at,
    overdueLevel: Number(r.overdue_level),
  };
}

/** An event on a consultation's timeline (core/timeline), in the caller's transaction. */
export async function addEvent(
  trx: Db,
  e: {
    consultationId: string;
    kind: string;
    actorUserId: string | null;
    actorUnitId: string | null;
    text?: string | null;
    detail?: unknown;
  },
  now = new Date(),
): Promise<void> {
  const { consultationId, ...rest } = e;
  await addRecordEvent(trx, { recordType: RECORD_TYPE, recordId: consultationId, ...rest }, now);
}

// ---- editable lists ----------------------------------------------------------------------

export async function listModus(db: Db): Promise<Modus[]> {
  const rows = await db.selectFrom('modus').selectAll().orderBy('sort').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, ja: r.ja, en: r.en, active: flag(r.active), sort: r.sort }));
}

export async function ruleSettings(db: Db): Promise<RuleSetting[]> {
  const rows = await db.selectFrom('escalation_rule').selectAll().execute();
  return rows.map((r) => ({
    code: r.code,
    enabled: flag(r.enabled),
    urgent: flag(r.urgent),
    slaMinutes: r.sla_minutes,
    threshold: r.threshold === null ? null : Number(r.threshold),
  }));
}

export async function ruleViews(db: Db): Promise<RuleView[]> {
  const settings = new Map((await ruleSettings(db)).map((s) => [s.code, s]));
  return ruleCatalogue.map((def) => {
    const s = settings.get(def.code);
    return {
      code: def.code,
      ja: def.ja,
      en: def.en,
      enabled: s?.enabled ?? true,
      urgent: s?.urgent ?? def.urgent,
      slaMinutes: s?.slaMinutes ?? def.slaMinutes,
      threshold: def.threshold === undefined ? null : (s?.threshold ?? def.threshold),
    };
  });
}

/** The unit that receives escalations: the configured one, else the prefecture-wide HQ division. */
export async function escalationUnit(db: Db): Promise<string | null> {
  const s = await db.selectFrom('setting').select('value').where('key', '=', 'intake.escalationUnitId').executeTakeFirst();
  if (s) return json<string>(s.value);
  const u = await db
    .selectFrom('unit')
    .select('id')
    .where('prefecture_wide', '=', 1)
    .where('kind', '=', 'hqDivision')
    .orderBy('created_at')
    .executeTakeFirst();
  return u?.id ?? null;
}

export { jstYear } from '../../../contracts/datetime.js';

export function countCapped(q: Q, cap: number) {
  return sql<{ n: number }>`select count(*) as n from (${q.select('c.seq').limit(cap + 1)}) t`;
}

/**
 * The version of what `reindex` puts in the index. Raise it when that changes: rows indexed with
 * an older one are re-indexed in the background after start-up (`reindexStale`).
 * 1: category and 手口 labels, and each indicator's canonical and written forms (0012).
 */
export const SEARCH_VERSION = 1;

/** The searchable text of a record: what officers search by, never personal fields. */
export function searchDoc(
  c: Pick<ConsultationRow, 'ref_no' | 'summary' | 'narrative' | 'sns_service' | 'handover_to'>,
  extra: readonly string[] = [],
): string {
  return [c.ref_no, c.summary, c.narrative, c.sns_service ?? '', c.handover_to ?? '', ...extra].join('\n');
}

/**
 * What a record is searched by besides its text: its 分類 and 手口 as officers name them (「詐欺」
 * finds 詐欺・悪質商法関係等), and every way of writing its indicators (09012345678 finds
 * 090-1234-5678; 三菱UFJ銀行 1234567 finds 0005-341-1-1234567).
 */
async function searchExtras(conn: Kysely<Database>, c: Pick<ConsultationRow, 'id' | 'category' | 'modus'>): Promise<string[]> {
  const category = intakeCategory.labels[c.category as keyof typeof intakeCategory.labels];
  const modus = await conn.selectFrom('modus').select(['ja', 'en']).where('code', '=', c.modus).executeTakeFirst();
  const values = await conn
    .selectFrom('sighting as s')
    .innerJoin('indicator as i', 'i.id', 's.indicator_id')
    .select(['i.type', 'i.value'])
    .distinct()
    .where('s.record_type', '=', RECORD_TYPE)
    .where('s.record_id', '=', c.id)
    .execute();
  return [category?.ja ?? '', category?.en ?? '', modus?.ja ?? '', modus?.en ?? '', ...values.flatMap((v) => searchForms(v.type, v.value))];
}

/** Re-index a record's text and access tags (after an edit, its indicators' change, or a share). */
export async function reindex(tx: Tx, id: string): Promise<void> {
  const c = await tx.kysely.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const doc = searchDoc(c, await searchExtras(tx.kysely, c));
  await indexText(tx, SEARCH_INDEX, Number(c.seq), doc, await recordTags(tx.kysely, RECORD_TYPE, id, c.owning_unit_id));
  if (c.search_version !== SEARCH_VERSION) {
    await tx.kysely.updateTable('consultation').set({ search_version: SEARCH_VERSION }).where('id', '=', id).execute();
  }
}

/** Re-index up to `limit` records indexed with an older search version; how many were. */
export async function reindexStale(db: Conn, limit = 500): Promise<number> {
  const rows = await db.kysely
    .selectFrom('consultation')
    .select('id')
    .where('search_version', '<', SEARCH_VERSION)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  // Small transactions: a background chore must not hold the writer for long.
  for (let k = 0; k < rows.length; k += 50) {
    await withTx(db, async (tx) => {
      for (const r of rows.slice(k, k + 50)) await reindex(tx, r.id);
    });
  }
  return rows.length;
}

/**
 * 被害額 summed over consultations (a case's, from those it grew from): the total and how many
 * of them state an amount. A sum, never the records: the case's readers see it whether or not
 * they may open each consultation.
 */
export async function damageTotal(db: Kysely<Database>, ids: readonly string[]): Promise<{ total: number; counted: number }> {
  if (ids.length === 0) return { total: 0, counted: 0 };
  const r = await db
    .selectFrom('consultation')
    .select((e) => [
      e.fn.sum<number | string | null>('damage_amount').as('total'),
      e.fn.count<number | string>('damage_amount').as('counted'),
    ])
    .where('id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total ?? 0), counted: Number(r.counted) };
}

import type { Expression, Kysely, SqlBool } from 'kysely';
import type { CaseCategory, CaseListQuery, CaseStatus, CaseSummary } from '../../../contracts/cases.contracts.js';
import { partPredicate, readableBy, readableParts } from '../../core/access/access.filter.js';
import type { Database } from '../../core/db/db.schema.js';
import type { Conn } from '../../core/db/db.tx.js';
import type { Principal } from '../../core/http/http.principal.js';
import './cases.tables.js';

export const RECORD_TYPE = 'case';
export type Viewer = Pick<Principal, 'scope' | 'unitId' | 'userId'>;

const ref = { type: RECORD_TYPE, idColumn: 'k.id', ownerUnitColumn: 'k.owning_unit_id' };

/** Need-to-know on `case_record as k`: the owning unit, shares, prefecture-wide roles (as intake). */
export const readableCase = (v: Viewer): Expression<SqlBool> => readableBy(v, ref);

/** Who adds to a case (tasks, letters): its own unit with cases.write, or a prefecture-wide role. */
export const mayEditCase = (p: Pick<Principal, 'scope' | 'unitId' | 'permissions'>, owningUnitId: string) =>
  p.permissions.has('cases.write') && (p.scope === 'prefecture' || p.unitId === owningUnitId);

/** The case's own columns by id if the viewer may read it (what deciding their rights on it needs). */
export function readableCaseRow(db: Kysely<Database>, v: Viewer, id: string) {
  return db
    .selectFrom('case_record as k')
    .select(['k.id', 'k.case_no', 'k.title', 'k.owning_unit_id', 'k.lead_user_id', 'k.narrative'])
    .where('k.id', '=', id)
    .where(readableCase(v))
    .executeTakeFirst();
}

/** A case with its unit and lead, as lists and the detail show it. */
export function caseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('case_record as k')
    .innerJoin('unit as u', 'u.id', 'k.owning_unit_id')
    .innerJoin('app_user as l', 'l.id', 'k.lead_user_id')
    .select([
      'k.seq',
      'k.id',
      'k.case_no',
      'k.title',
      'k.status',
      'k.owning_unit_id',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
      'k.lead_user_id',
      'l.display_name as lead_name',
      'k.category',
      'k.modus',
      'k.created_at',
      'k.updated_at',
    ]);
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

export function toSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    caseNo: r.case_no,
    title: r.title,
    status: r.status as CaseStatus,
    owningUnitId: r.owning_unit_id,
    owningUnitName: r.unit_name,
    owningUnitNameEn: r.unit_name_en,
    leadUserId: r.lead_user_id,
    leadName: r.lead_name,
    category: r.category as CaseCategory | null,
    modus: r.modus,
    openedAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const newestFirst = (a: CaseRow, b: CaseRow) => (a.created_at === b.created_at ? b.seq - a.seq : a.created_at < b.created_at ? 1 : -1);

/** How far a list counts: beyond it the page says 「1,000 件以上」, as intake's lists do. */
export const CASE_COUNT_CAP = 1000;

/**
 * A page of the cases the viewer may read, newest first, and how many there are (up to
 * CASE_COUNT_CAP). Each part of need-to-know (owned, shared) walks its own index; the page is cut
 * from the merged parts and the parts' counts add up, as they do not overlap (core/access
 * `readableParts`).
 */
export async function listCases(db: Conn, v: Viewer, f: CaseListQuery): Promise<{ items: CaseSummary[]; total: number }> {
  const parts = await readableParts(db.kysely, v, RECORD_TYPE);
  const skip = (f.page - 1) * f.pageSize;
  const rows: CaseRow[] = [];
  let total = 0;
  for (const part of parts) {
    let q = caseQuery(db.kysely).where(partPredicate(part, v, ref));
    if (f.status) q = q.where('k.status', '=', f.status);
    if (f.unitId) q = q.where('k.owning_unit_id', '=', f.unitId);
    if (f.category) q = q.where('k.category', '=', f.category);
    if (f.modus) q = q.where('k.modus', '=', f.modus);
    if (f.leadUserId) q = q.where('k.lead_user_id', '=', f.leadUserId);
    if (f.from) q = q.where('k.created_at', '>=', new Date(f.from).toISOString());
    if (f.to) q = q.where('k.created_at', '<', new Date(f.to).toISOString());
    const counted = await db.kysely
      .selectFrom(
        q
          .clearSelect()
          .select('k.seq')
          .limit(CASE_COUNT_CAP + 1)
          .as('t'),
      )
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(counted.n);
    q = q.orderBy('k.created_at', 'desc').orderBy('k.seq', 'desc');
    rows.push(...(parts.length === 1 ? await q.limit(f.pageSize).offset(skip).execute() : await q.limit(skip + f.pageSize).execute()));
  }
  const page = parts.length > 1 ? rows.sort(newestFirst).slice(skip, skip + f.pageSize) : rows;
  return { items: page.map(toSummary), total: Math.min(total, CASE_COUNT_CAP + 1) };
}

/** One case by id if the viewer may read it, with the fields only the detail shows. */
export async function readableCaseById(db: Conn, v: Viewer, id: string) {
  return caseQuery(db.kysely)
    .select(['k.narrative', 'k.arrested_count', 'k.referred_on', 'k.drop_reason', 'k.version'])
    .where('k.id', '=', id)
    .where(readableCase(v))
    .executeTakeFirst();
}

export async function linkedConsultations(db: Conn, caseId: string) {
  return db.kysely
    .selectFrom('case_consultation')
    .select(['consultation_id as id', 'linked_at as linkedAt'])
    .where('case_id', '=', caseId)
    .orderBy('linked_at')
    .orderBy('consultation_id')
    .execute();
}

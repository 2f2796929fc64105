import { sql } from 'kysely';
import type { CaseDetail, CaseListQuery, CaseStatus } from '../../../contracts/cases.contracts.js';
import type { Db } from '../../core/db/db.open.js';
import type { Principal } from '../../core/http/http.principal.js';
import { labelsInChunks, type RecordLabel } from '../../core/module/module.records.js';
import { indicatorsOfRecord, relatedNotices } from '../indicators/index.js';
import { damageTotal, readableConsultationIds } from '../intake/index.js';
import { casesErrors } from './cases.errors.js';
import { caseLifecycle } from './cases.lifecycle.js';
import {
  CASE_COUNT_CAP,
  linkedConsultations,
  listCases,
  RECORD_TYPE,
  readableCase,
  readableCaseById,
  toSummary,
  type Viewer,
} from './cases.repository.js';
import { requestsOfCase } from './cases.requests.js';
import { tasksOfCase } from './cases.tasks.js';
import { mayNote, membersOfCase } from './cases.team.js';
import { caseTimeline } from './cases.timeline.js';
import type { CasesDeps } from './cases.usecases.js';

export async function caseList(deps: CasesDeps, v: Viewer, f: CaseListQuery) {
  const { items, total } = await listCases(deps.db, v, f);
  return { items, total, capped: total > CASE_COUNT_CAP, page: f.page, pageSize: f.pageSize };
}

/** A case the caller may read; any other id is 404, whether or not it exists. */
export async function caseDetail(deps: CasesDeps, v: Viewer & Pick<Principal, 'permissions'>, id: string): Promise<CaseDetail> {
  const r = await readableCaseById(deps.db, v, id);
  if (!r) throw casesErrors.create('cases.not_found');
  const indicators = await indicatorsOfRecord(deps.db.kysely, { recordType: RECORD_TYPE, recordId: id });
  const consultations = await consultationsOf(deps, v, id);
  return {
    ...toSummary(r),
    narrative: r.narrative,
    arrestedCount: r.arrested_count,
    referredOn: r.referred_on,
    dropReason: r.drop_reason,
    version: r.version,
    nextStatuses: caseLifecycle.next(r.status as CaseStatus, v.permissions),
    consultations,
    indicators: indicators.map(({ id: indicatorId, type, value, attributes }) => ({ id: indicatorId, type, value, attributes })),
    related: await relatedNotices(
      { db: deps.db.kysely, labelRecords: deps.labelRecords },
      v,
      indicators.filter((i) => i.role !== 'victim'),
      { recordType: RECORD_TYPE, recordId: id },
    ),
    tasks: await tasksOfCase(deps.db.kysely, v, id),
    requests: await requestsOfCase(deps.db.kysely, v, id),
    members: await membersOfCase(deps.db.kysely, id),
    damage: await damageTotal(
      deps.db.kysely,
      consultations.map((c) => c.id),
    ),
    timeline: await caseTimeline(deps.db, id),
    canNote: await mayNote(deps.db.kysely, v, { id, owning_unit_id: r.owning_unit_id }),
  };
}

/**
 * The consultations a case grew from, each saying whether the reader may open it: a unit the
 * case was shared with (情報技術解析課 asked for analysis) reads the case, not the station's record.
 */
async function consultationsOf(deps: CasesDeps, v: Viewer, caseId: string) {
  const linked = await linkedConsultations(deps.db, caseId);
  const readable = await readableConsultationIds(
    deps.db.kysely,
    v,
    linked.map((c) => c.id),
  );
  return linked.map((c) => ({ ...c, readable: readable.has(c.id) }));
}

/**
 * The cases a consultation became, for whoever may read the consultation (the station that took
 * it): number and status only. Whether the caller may also open a case is said, never its content.
 */
export async function casesOfConsultation(deps: CasesDeps, v: Viewer, consultationId: string) {
  const db = deps.db.kysely;
  if (!(await readableConsultationIds(db, v, [consultationId])).has(consultationId)) {
    throw casesErrors.create('cases.consultation_record_not_found');
  }
  const rows = await db
    .selectFrom('case_consultation as cc')
    .innerJoin('case_record as k', 'k.id', 'cc.case_id')
    .select(['k.id', 'k.case_no', 'k.status'])
    .select(sql<number>`case when ${readableCase(v)} then 1 else 0 end`.as('readable'))
    .where('cc.consultation_id', '=', consultationId)
    .orderBy('k.seq')
    .execute();
  return { items: rows.map((r) => ({ id: r.id, caseNo: r.case_no, status: r.status as CaseStatus, readable: Boolean(r.readable) })) };
}

/** Case numbers and titles for indicator pages, clusters and search (record type `case`). */
export function labelCases(db: Db, ids: readonly string[]): Promise<Map<string, RecordLabel>> {
  return labelsInChunks(ids, async (chunk) =>
    (await db.kysely.selectFrom('case_record').select(['id', 'case_no', 'title']).where('id', 'in', chunk).execute()).map((r) => ({
      id: r.id,
      title: `${r.case_no} ${r.title}`,
      link: `/cases/${r.id}`,
    })),
  );
}

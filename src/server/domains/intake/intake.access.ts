import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatJst } from '../../../contracts/datetime.js';
import { type IndicatorType, indicatorTypeLabels } from '../../../contracts/indicators.contracts.js';
import type {
  AccessRequestDetail,
  AccessRequestSummary,
  accessDecisionSchema,
  RequestedRecord,
} from '../../../contracts/intake.access.contracts.js';
import { shareRecord } from '../../core/access/access.filter.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { type Conn, type Tx, withTx } from '../../core/db/db.tx.js';
import { lookupIndicators, relatedRecords } from '../indicators/index.js';
import { notifyUnit, notifyUsers, resolveNotices } from '../notify/index.js';
import { intakeErrors } from './intake.errors.js';
import { addEvent, escalationUnit, RECORD_TYPE, reindex, SHARED_EVENT } from './intake.repository.js';
import { editable } from './intake.usecases.js';

/**
 * When correlation says "N related records in other units", the officer may ask for access. The
 * request goes to サイバー課 (who see every record) as a 閲覧依頼 kept in `access_request`;
 * サイバー課 sees it with the indicator and the records concerned, and approves it (sharing the
 * records it chose with the unit, reveal allowed or not) or declines it with a reason. The
 * requester is told either way; the records' content never travels in the request or in mail.
 */
const REQUEST_WINDOW_MS = 24 * 3600_000;
const requestLink = (id: string) => `/intake/access-requests/${id}`;
const typeLabel = (type: string, lng: 'ja' | 'en' = 'ja') => indicatorTypeLabels[type as IndicatorType]?.[lng] ?? type;

export async function requestAccess(
  db: Db,
  ctx: RequestCtx,
  input: { type: string; value: string; reason: string },
  now = new Date(),
): Promise<{ id: string; hidden: number }> {
  const [ind] = await lookupIndicators(db, [{ type: input.type as never, value: input.value }]);
  const rel = ind ? await relatedRecords(db.kysely, ctx.principal, [ind.id]) : null;
  const hidden = ind ? (rel?.hiddenByIndicator[ind.id] ?? 0) : 0;
  if (!ind || hidden === 0) throw intakeErrors.create('intake.nothing_to_request');
  const to = await escalationUnit(db.kysely);
  if (!to) throw intakeErrors.create('intake.no_escalation_unit');
  const id = randomUUID();
  await withTx(db, async (tx) => {
    const p = ctx.principal;
    // One request per unit and indicator a day: a second click, or a colleague asking again,
    // would only send サイバー課 the same request twice.
    const prior = await tx.kysely
      .selectFrom('access_request')
      .select('created_at')
      .where('requester_unit_id', '=', p.unitId)
      .where('indicator_id', '=', ind.id)
      .where('created_at', '>=', new Date(now.getTime() - REQUEST_WINDOW_MS).toISOString())
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (prior) throw intakeErrors.create('intake.access_already_requested', { at: formatJst(prior.created_at) });
    await tx.kysely
      .insertInto('access_request')
      .values({
        id,
        indicator_id: ind.id,
        requester_user_id: p.userId,
        requester_unit_id: p.unitId,
        to_unit_id: to,
        reason: input.reason,
        hidden,
        state: 'pending',
        created_at: now.toISOString(),
        decided_by: null,
        decided_at: null,
        decision_reason: null,
      })
      .execute();
    const what = `${typeLabel(ind.type)} ${ind.value}`;
    const unit = await tx.kysely.selectFrom('unit').select('name_en').where('id', '=', p.unitId).executeTakeFirst();
    await notifyUnit(
      tx.kysely,
      to,
      {
        kind: 'intake.accessRequest',
        title: `【閲覧依頼】${p.unitName} ${p.displayName}: ${what}`,
        body: `他所属の記録 ${hidden} 件の閲覧を希望しています。理由: ${input.reason}`,
        en: {
          title: `[Access request] ${unit?.name_en ?? p.unitName} ${p.displayName}: ${typeLabel(ind.type, 'en')} ${ind.value}`,
          body: `Asks to read ${hidden} records of other units. Reason: ${input.reason}`,
        },
        link: requestLink(id),
        // The unit's mailbox is told that a request waits, not the value it is about.
        mail: {
          title: `【閲覧依頼】${p.unitName} ${p.displayName}`,
          body: `他所属の記録 ${hidden} 件（${typeLabel(ind.type)}が共通）の閲覧依頼があります。Renkei で内容を確認し、承認または不承認を判断してください。`,
        },
      },
      now,
    );
    await audit(tx, ctx, {
      action: 'intake.access.request',
      target: String(ind.id),
      reason: input.reason,
      detail: { hidden, request: id },
    });
  });
  return { id, hidden };
}

function summaryQuery(db: Conn['kysely']) {
  return db
    .selectFrom('access_request as r')
    .innerJoin('indicator as i', 'i.id', 'r.indicator_id')
    .innerJoin('app_user as ru', 'ru.id', 'r.requester_user_id')
    .innerJoin('unit as rn', 'rn.id', 'r.requester_unit_id')
    .leftJoin('app_user as du', 'du.id', 'r.decided_by')
    .selectAll('r')
    .select([
      'i.type as ind_type',
      'i.value as ind_value',
      'ru.display_name as requester_name',
      'rn.name as unit_name',
      'rn.name_en as unit_name_en',
      'du.display_name as decided_name',
    ]);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): AccessRequestSummary {
  return {
    id: r.id,
    state: r.state,
    indicator: { id: Number(r.indicator_id), type: r.ind_type, value: r.ind_value },
    requesterName: r.requester_name,
    requesterUnitName: r.unit_name,
    requesterUnitNameEn: r.unit_name_en,
    reason: r.reason,
    hidden: Number(r.hidden),
    createdAt: r.created_at,
    decidedByName: r.decided_name,
    decidedAt: r.decided_at,
    decisionReason: r.decision_reason,
    shared: Number(r.shared),
    allowReveal: Number(r.allow_reveal) === 1,
  };
}

/** Requests addressed to the caller's unit (every one for prefecture-wide roles), newest first. */
export function addressedTo(db: Conn['kysely'], p: RequestCtx['principal']) {
  let q = summaryQuery(db);
  if (p.scope !== 'prefecture') q = q.where('r.to_unit_id', '=', p.unitId);
  return q;
}

export async function listAccessRequests(db: Db, ctx: RequestCtx, state?: 'pending' | 'decided'): Promise<AccessRequestSummary[]> {
  let q = addressedTo(db.kysely, ctx.principal);
  if (state === 'pending') q = q.where('r.state', '=', 'pending');
  if (state === 'decided') q = q.where('r.state', '!=', 'pending');
  const rows = await q.orderBy('r.created_at', 'desc').limit(200).execute();
  return rows.map(toSummary);
}

async function findAddressed(conn: Conn['kysely'], ctx: RequestCtx, id: string) {
  const row = await addressedTo(conn, ctx.principal).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw intakeErrors.create('intake.access_request_not_found');
  return row;
}

/**
 * The records the request is about, as the deciding unit sees them: the requester's own (why it
 * asked) and the other units' (what it asks for), each saying whether the requester reads it now.
 */
async function requestedRecords(
  db: Conn['kysely'],
  ctx: RequestCtx,
  r: SummaryRow,
): Promise<{ own: RequestedRecord[]; others: RequestedRecord[] }> {
  const indicatorId = Number(r.indicator_id);
  const all = await relatedRecords(db, ctx.principal, [indicatorId]);
  const requester = { scope: 'unit' as const, unitId: r.requester_unit_id, userId: r.requester_user_id };
  const readable = new Set((await relatedRecords(db, requester, [indicatorId])).visible.map((v) => `${v.recordType}:${v.recordId}`));
  const ids = all.visible.filter((v) => v.recordType === RECORD_TYPE).map((v) => v.recordId);
  if (ids.length === 0) return { own: [], others: [] };
  const rows = await db
    .selectFrom('consultation as c')
    .innerJoin('unit as u', 'u.id', 'c.owning_unit_id')
    .select([
      'c.id',
      'c.ref_no',
      'c.summary',
      'c.received_at',
      'c.escalation',
      'c.owning_unit_id',
      'u.name as unit_name',
      'u.name_en as unit_name_en',
    ])
    .where('c.id', 'in', ids)
    .orderBy('c.received_at', 'desc')
    .execute();
  const view = (c: (typeof rows)[number]): RequestedRecord => ({
    id: c.id,
    refNo: c.ref_no,
    summary: c.summary,
    owningUnitName: c.unit_name,
    owningUnitNameEn: c.unit_name_en,
    receivedAt: c.received_at,
    escalation: c.escalation as RequestedRecord['escalation'],
    readable: readable.has(`${RECORD_TYPE}:${c.id}`),
  });
  return {
    own: rows.filter((c) => c.owning_unit_id === r.requester_unit_id).map(view),
    others: rows.filter((c) => c.owning_unit_id !== r.requester_unit_id).map(view),
  };
}

export async function getAccessRequest(db: Db, ctx: RequestCtx, id: string): Promise<AccessRequestDetail> {
  const r = await findAddressed(db.kysely, ctx, id);
  const { own, others } = await requestedRecords(db.kysely, ctx, r);
  return { ...toSummary(r), ownRecords: own, records: others };
}

/**
 * Approve (share the chosen records with the requesting unit) or decline with a reason. The
 * shares, the decision, the requester's notice and the audit events are one transaction; the
 * request's notices to the deciding unit are marked read, since nobody else need act on them.
 */
export async function decideAccessRequest(
  db: Db,
  ctx: RequestCtx,
  id: string,
  d: z.output<typeof accessDecisionSchema>,
  now = new Date(),
): Promise<AccessRequestSummary> {
  return withTx(db, async (tx) => {
    const r = await findAddressed(tx.kysely, ctx, id);
    if (r.state !== 'pending') throw intakeErrors.create('intake.access_request_decided');
    const what = `${typeLabel(r.ind_type)} ${r.ind_value}`;
    const whatEn = `${typeLabel(r.ind_type, 'en')} ${r.ind_value}`;
    let shared = 0;
    if (d.decision === 'approve') {
      const { others } = await requestedRecords(tx.kysely, ctx, r);
      const shareable = new Map(others.filter((o) => !o.readable).map((o) => [o.id, o]));
      const chosen = [...new Set(d.recordIds)];
      const outside = chosen.filter((rid) => !shareable.has(rid));
      if (outside.length > 0) throw intakeErrors.create('intake.access_request_records');
      const reason = `閲覧依頼（${r.unit_name} ${r.requester_name}）: ${r.reason}`;
      for (const rid of chosen) {
        await shareInTx(tx, ctx, rid, { unitId: r.requester_unit_id, reason, allowReveal: d.allowReveal }, now, { notify: false });
      }
      shared = chosen.length;
    }
    const decisionReason = d.decision === 'approve' ? (d.note ?? null) : d.reason;
    await tx.kysely
      .updateTable('access_request')
      .set({
        state: d.decision === 'approve' ? 'approved' : 'declined',
        decided_by: ctx.principal.userId,
        decided_at: now.toISOString(),
        decision_reason: decisionReason,
        shared,
        allow_reveal: d.decision === 'approve' && d.allowReveal ? 1 : 0,
      })
      .where('id', '=', id)
      .execute();
    await notifyUsers(
      tx.kysely,
      [r.requester_user_id],
      d.decision === 'approve'
        ? {
            kind: 'intake.accessApproved',
            title: `【閲覧依頼 承認】${what} の記録 ${shared} 件が共有されました`,
            body: decisionReason ? `サイバー課から: ${decisionReason}` : undefined,
            en: {
              title: `[Access request approved] ${shared} records on ${whatEn} shared`,
              body: decisionReason ? `From the cyber division: ${decisionReason}` : undefined,
            },
            link: `/indicators/${Number(r.indicator_id)}`,
          }
        : {
            kind: 'intake.accessDeclined',
            title: `【閲覧依頼 不承認】${what}`,
            body: `理由: ${d.reason}`,
            en: { title: `[Access request declined] ${whatEn}`, body: `Reason: ${d.reason}` },
            link: `/indicators/${Number(r.indicator_id)}`,
          },
      now,
    );
    await resolveNotices(tx.kysely, { link: requestLink(id), kinds: ['intake.accessRequest'] }, now);
    await audit(tx, ctx, {
      action: d.decision === 'approve' ? 'intake.access.approve' : 'intake.access.decline',
      target: id,
      reason: decisionReason ?? undefined,
      detail: {
        indicator: Number(r.indicator_id),
        unit: r.requester_unit_id,
        shared,
        ...(d.decision === 'approve' && d.allowReveal ? { allowReveal: true } : {}),
      },
    });
    return toSummary(await findAddressed(tx.kysely, ctx, id));
  });
}

/** Share a record with a unit (サイバー課, or the owning unit itself): it can then read and find it. */
export async function shareWithUnit(
  db: Db,
  ctx: RequestCtx,
  id: string,
  s: { unitId: string; reason: string; allowReveal?: boolean },
  now = new Date(),
): Promise<void> {
  await withTx(db, (tx) => shareInTx(tx, ctx, id, s, now, { notify: true }));
}

async function shareInTx(
  tx: Tx,
  ctx: RequestCtx,
  id: string,
  s: { unitId: string; reason: string; allowReveal?: boolean },
  now: Date,
  opts: { notify: boolean },
): Promise<void> {
  const { unitId, reason } = s;
  const p = ctx.principal;
  const c = await editable(tx, ctx, id);
  const unit = await tx.kysely.selectFrom('unit').select(['id', 'name', 'name_en']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw intakeErrors.create('intake.unit_not_found');
  const already = await tx.kysely
    .selectFrom('record_share')
    .select('id')
    .where('record_type', '=', RECORD_TYPE)
    .where('record_id', '=', id)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (already || c.owning_unit_id === unitId) throw intakeErrors.create('intake.already_shared', { unit: unit.name });
  await shareRecord(tx, ctx, { recordType: RECORD_TYPE, recordId: id, unitId, reason, allowReveal: s.allowReveal === true }, now);
  await reindex(tx, id);
  await addEvent(
    tx.kysely,
    {
      consultationId: id,
      kind: SHARED_EVENT,
      actorUserId: p.userId,
      actorUnitId: p.unitId,
      text: reason,
      // Both names: the timeline is read in either language, and the unit may be renamed later.
      detail: { unit: unit.name, unitEn: unit.name_en, allowReveal: s.allowReveal === true },
    },
    now,
  );
  if (opts.notify) {
    await notifyUnit(
      tx.kysely,
      unitId,
      {
        kind: 'intake.shared',
        title: `【共有】${c.ref_no} ${c.summary}`,
        body: `理由: ${reason}`,
        en: { title: `[Shared] ${c.ref_no} ${c.summary}`, body: `Reason: ${reason}` },
        link: `/intake/${id}`,
      },
      now,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { registerNumber } from '../../../contracts/datetime.js';
import { roleGrants } from '../../../contracts/permissions.contracts.js';
import {
  type RequestCreate,
  type RequestDetail,
  type RequestKind,
  type RequestStatus,
  type RequestSummary,
  type RequestTransition,
  requestKind,
  requestStatus,
} from '../../../contracts/requests.contracts.js';
import { shareRecord } from '../../core/access/access.filter.js';
import { type RequestCtx, systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import { type Deadline, sweepDeadlines } from '../../core/deadlines/deadlines.js';
import type { Principal } from '../../core/http/http.principal.js';
import { checkTransition } from '../../core/lifecycle/lifecycle.js';
import { type Notice, notifyUnit, notifyUnitAndAbove } from '../notify/index.js';
import { casesErrors } from './cases.errors.js';
import { RECORD_TYPE as CASE_TYPE, readableCase, type Viewer } from './cases.repository.js';
import { requestLifecycle } from './cases.requests.lifecycle.js';
import type { SupportRequestTable } from './cases.tables.js';
import { caseEvent } from './cases.timeline.js';

type Caller = Viewer & Pick<Principal, 'permissions'>;
type Party = 'requester' | 'handler';
const OPEN: readonly RequestStatus[] = ['requested', 'accepted', 'inProgress', 'answered'];
const link = (id: string) => `/cases/requests/${id}`;

/** Deadlines shipped per kind, in hours (to accept; to answer once accepted); サイバー課 changes them. */
export const defaultRequestSla: Record<RequestKind, { accept: number; answer: number }> = {
  support: { accept: 4, answer: 72 },
  analysis: { accept: 24, answer: 24 * 14 },
  prefecture: { accept: 24, answer: 24 * 14 },
  npa: { accept: 24, answer: 24 * 14 },
  international: { accept: 72, answer: 24 * 30 },
};

export async function ensureRequestSla(db: Db): Promise<void> {
  for (const [kind, h] of Object.entries(defaultRequestSla)) {
    await db.kysely
      .insertInto('support_request_sla')
      .values({ kind, accept_hours: h.accept, answer_hours: h.answer })
      .onConflict((oc) => oc.column('kind').doNothing())
      .execute();
  }
}

/** Need-to-know: the two units, and prefecture-wide readers (サイバー課 oversees every request). */
const readableRequest = (v: Viewer): Expression<SqlBool> =>
  v.scope === 'prefecture'
    ? sql<SqlBool>`1 = 1`
    : v.scope === 'none'
      ? sql<SqlBool>`1 = 0`
      : sql<SqlBool>`(r.from_unit_id = ${v.unitId} or r.to_unit_id = ${v.unitId})`;

function requestQuery(db: Kysely<Database>) {
  return db
    .selectFrom('support_request as r')
    .innerJoin('unit as fu', 'fu.id', 'r.from_unit_id')
    .innerJoin('unit as tu', 'tu.id', 'r.to_unit_id')
    .leftJoin('case_record as k', 'k.id', 'r.case_id')
    .selectAll('r')
    .select(['fu.name as from_unit_name', 'tu.name as to_unit_name', 'k.case_no']);
}
type Row = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: Row, now: Date): RequestSummary {
  const status = r.status as RequestStatus;
  return {
    id: r.id,
    requestNo: r.request_no,
    kind: r.kind as RequestKind,
    status,
    title: r.title,
    fromUnitId: r.from_unit_id,
    fromUnitName: r.from_unit_name,
    toUnitId: r.to_unit_id,
    toUnitName: r.to_unit_name,
    caseId: r.case_id,
    caseNo: r.case_no,
    dueAt: r.due_at,
    overdue: r.open === 1 && r.due_at !== null && r.due_at <= now.toISOString(),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A unit with no active person: a party outside Renkei (another prefecture, the NPA), recorded for. */
async function outside(db: Kysely<Database>, unitId: string): Promise<boolean> {
  const someone = await db
    .selectFrom('app_user')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('disabled', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return !someone;
}

const caseReaders = Object.entries(roleGrants).flatMap(([role, grants]) => (grants.includes('cases.read') ? [role] : []));

/** Someone active in the unit may read cases (and so requests). */
async function readsCases(db: Kysely<Database>, unitId: string): Promise<boolean> {
  const someone = await db
    .selectFrom('app_user')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('disabled', '=', 0)
    .where('role', 'in', caseReaders)
    .limit(1)
    .executeTakeFirst();
  return someone !== undefined;
}

/** Which sides the caller acts for: their unit's own, and an outside party's that their unit records for. */
async function partiesOf(db: Kysely<Database>, p: Viewer, r: { from_unit_id: string; to_unit_id: string }): Promise<Set<Party>> {
  const parties = new Set<Party>();
  if (p.unitId === r.from_unit_id || (p.unitId === r.to_unit_id && (await outside(db, r.from_unit_id)))) parties.add('requester');
  if (p.unitId === r.to_unit_id || (p.unitId === r.from_unit_id && (await outside(db, r.to_unit_id)))) parties.add('handler');
  return parties;
}

async function slaOf(db: Kysely<Database>, kind: string) {
  const s = await db.selectFrom('support_request_sla').selectAll().where('kind', '=', kind).executeTakeFirst();
  const d = defaultRequestSla[kind as RequestKind];
  return { accept: s?.accept_hours ?? d.accept, answer: s?.answer_hours ?? d.answer };
}
const hoursLater = (now: Date, h: number) => new Date(now.getTime() + h * 3600_000).toISOString();

async function addMessage(tx: Tx, p: Viewer, requestId: string, kind: string, text: string, now: Date) {
  await tx.kysely
    .insertInto('support_request_message')
    .values({ id: randomUUID(), request_id: requestId, at: now.toISOString(), unit_id: p.unitId, user_id: p.userId, kind, text })
    .execute();
}

/** Tell a unit about a request, unless it is outside Renkei (nobody there to tell) or the actor's own. */
async function tell(tx: Tx, actor: Viewer, unitId: string, n: Notice, now: Date) {
  if (unitId === actor.unitId || (await outside(tx.kysely, unitId))) return;
  await notifyUnit(tx.kysely, unitId, n, now);
}

/**
 * Send a request from the caller's unit, or record one received from outside Renkei (then the
 * caller's unit is the one asked). A case named must be readable by the caller; the unit asked is
 * then given the case to read, so it can work on what it was asked about.
 */
export async function createRequest(db: Db, ctx: RequestCtx, input: RequestCreate, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const inbound = input.fromUnitId !== undefined;
    const fromUnitId = input.fromUnitId ?? p.unitId;
    const toUnitId = inbound ? p.unitId : (input.toUnitId as string);
    const unitError = (path: string, value: string) =>
      casesErrors.create('cases.request_unit_invalid', undefined, { details: [{ path, message: value }] });
    if (fromUnitId === toUnitId) throw unitError(inbound ? 'body.fromUnitId' : 'body.toUnitId', toUnitId);
    const other = inbound ? fromUnitId : toUnitId;
    const unit = await tx.kysely.selectFrom('unit').select(['id', 'kind']).where('id', '=', other).executeTakeFirst();
    if (!unit) throw unitError(inbound ? 'body.fromUnitId' : 'body.toUnitId', other);
    // A unit in Renkei whose people may not read cases (a partner's machine account) is no one to ask.
    if (!inbound && !(await outside(tx.kysely, toUnitId)) && !(await readsCases(tx.kysely, toUnitId))) {
      throw unitError('body.toUnitId', toUnitId);
    }
    // A request received from outside is recorded only for a unit outside Renkei: one inside sends its own.
    if (inbound && !(await outside(tx.kysely, fromUnitId))) throw unitError('body.fromUnitId', fromUnitId);
    if (input.kind === 'international' && (!input.country || !input.channel)) {
      throw casesErrors.create('cases.request_international_fields', undefined, {
        details: [
          ...(input.country ? [] : [{ path: 'body.country', message: '相手国を入力してください' }]),
          ...(input.channel ? [] : [{ path: 'body.channel', message: '経路を選んでください' }]),
        ],
      });
    }
    let caseRow: { id: string; owning_unit_id: string } | undefined;
    if (input.caseId) {
      caseRow = await tx.kysely
        .selectFrom('case_record as k')
        .select(['k.id', 'k.owning_unit_id'])
        .where('k.id', '=', input.caseId)
        .where(readableCase(p))
        .executeTakeFirst();
      if (!caseRow) throw casesErrors.create('cases.not_found');
    }
    const sla = await slaOf(tx.kysely, input.kind);
    const id = randomUUID();
    const at = now.toISOString();
    const { seq } = await tx.kysely
      .insertInto('support_request')
      .values({
        id,
        request_no: id,
        kind: input.kind,
        from_unit_id: fromUnitId,
        to_unit_id: toUnitId,
        case_id: caseRow?.id ?? null,
        title: input.title,
        body: input.body,
        country: input.country,
        channel: input.channel,
        status: requestLifecycle.initial,
        open: 1,
        due_at: hoursLater(now, sla.accept),
        overdue_notified_at: null,
        decline_reason: null,
        answer: null,
        version: 1,
        created_by: p.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    const requestNo = registerNumber(at, seq, '依');
    await tx.kysely.updateTable('support_request').set({ request_no: requestNo }).where('id', '=', id).execute();
    await addMessage(tx, p, id, 'status', `${requestStatus.labels.requested.ja}：${input.title}`, now);
    if (caseRow && caseRow.owning_unit_id !== toUnitId && !(await outside(tx.kysely, toUnitId))) {
      const shared = await tx.kysely
        .selectFrom('record_share')
        .select('id')
        .where('record_type', '=', CASE_TYPE)
        .where('record_id', '=', caseRow.id)
        .where('unit_id', '=', toUnitId)
        .executeTakeFirst();
      if (!shared)
        await shareRecord(tx, ctx, { recordType: CASE_TYPE, recordId: caseRow.id, unitId: toUnitId, reason: `支援要請 ${requestNo}` }, now);
    }
    const kindJa = requestKind.labels[input.kind].ja;
    await tell(
      tx,
      p,
      toUnitId,
      {
        kind: 'cases.request',
        title: `【${kindJa}】${requestNo} ${input.title}`,
        en: { title: `[${requestKind.labels[input.kind].en}] ${requestNo} ${input.title}` },
        link: link(id),
      },
      now,
    );
    if (caseRow)
      await caseEvent(tx, ctx, caseRow.id, 'requestSent', { text: input.title, detail: { requestNo, kind: input.kind, inbound } }, now);
    await audit(tx, ctx, { action: 'cases.request.create', target: id, change: input, detail: { requestNo, kind: input.kind, inbound } });
    return { id, requestNo, version: 1 };
  });
}

async function readable(db: Kysely<Database>, p: Viewer, id: string) {
  const r = await requestQuery(db).where('r.id', '=', id).where(readableRequest(p)).executeTakeFirst();
  if (!r) throw casesErrors.create('cases.request_not_found');
  return r;
}

export async function requestDetail(db: Kysely<Database>, p: Caller, id: string, now = new Date()): Promise<RequestDetail> {
  const r = await readable(db, p, id);
  const parties = await partiesOf(db, p, r);
  const messages = await db
    .selectFrom('support_request_message as m')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .leftJoin('app_user as a', 'a.id', 'm.user_id')
    .select(['m.id', 'm.at', 'm.kind', 'm.text', 'u.name as unit_name', 'a.display_name'])
    .where('m.request_id', '=', id)
    .orderBy('m.at')
    .orderBy('m.id')
    .execute();
  return {
    ...toSummary(r, now),
    body: r.body,
    country: r.country,
    channel: r.channel as RequestDetail['channel'],
    declineReason: r.decline_reason,
    answer: r.answer,
    version: r.version,
    parties: [...parties],
    nextStatuses: requestLifecycle.next(r.status as RequestStatus, p.permissions, parties),
    messages: messages.map((m) => ({
      id: m.id,
      at: m.at,
      kind: m.kind,
      text: m.text,
      unitName: m.unit_name,
      userName: m.display_name ?? '',
    })),
  };
}

/** 受けた依頼 or 出した依頼 of the caller's unit, newest first; open ones only unless asked, with the overdue count. */
export async function listRequests(db: Kysely<Database>, p: Viewer, q: { box: string; open: string; limit: number }, now = new Date()) {
  const column = q.box === 'outbox' ? 'r.from_unit_id' : 'r.to_unit_id';
  let base = requestQuery(db).where(column, '=', p.unitId);
  if (q.open === 'true') base = base.where('r.open', '=', 1);
  const rows = await base.orderBy('r.created_at', 'desc').orderBy('r.seq', 'desc').limit(q.limit).execute();
  const overdue = await db
    .selectFrom('support_request as r')
    .select((e) => e.fn.countAll().as('n'))
    .where(column, '=', p.unitId)
    .where('r.open', '=', 1)
    .where('r.due_at', '<=', now.toISOString())
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => toSummary(r, now)), overdue: Number(overdue.n) };
}

/**
 * What waits for the caller's unit as the unit asked: requests to accept or to answer, soonest
 * deadline first, counted in SQL (answered ones wait for the requester, not for this unit).
 */
export async function waitingRequests(db: Kysely<Database>, p: Viewer, limit: number, now = new Date()) {
  const waiting: RequestStatus[] = ['requested', 'accepted', 'inProgress'];
  const base = requestQuery(db).where('r.to_unit_id', '=', p.unitId).where('r.open', '=', 1).where('r.status', 'in', waiting);
  const rows = await base.orderBy('r.due_at').orderBy('r.seq').limit(limit).execute();
  const counted = await db
    .selectFrom('support_request as r')
    .select((e) => e.fn.countAll().as('n'))
    .where('r.to_unit_id', '=', p.unitId)
    .where('r.open', '=', 1)
    .where('r.status', 'in', waiting)
    .executeTakeFirstOrThrow();
  const items = rows.map((r) => toSummary(r, now));
  return { items, count: Number(counted.n), overdue: items.some((r) => r.overdue) };
}

/** A case's requests (its detail page), within need-to-know: one query. */
export async function requestsOfCase(db: Kysely<Database>, p: Viewer, caseId: string, now = new Date()) {
  const rows = await requestQuery(db).where('r.case_id', '=', caseId).where(readableRequest(p)).orderBy('r.seq').execute();
  return rows.map((r) => toSummary(r, now));
}

/**
 * Move a request along its lifecycle: the party the transition belongs to, at the version read.
 * The deadline follows the state (to answer from acceptance, none once answered); the other side
 * is told, and the change and what it said go on the request's timeline.
 */
export async function transitionRequest(db: Db, ctx: RequestCtx, id: string, t: RequestTransition, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const r = await readable(tx.kysely, p, id);
    if (r.version !== t.version) throw casesErrors.create('cases.request_version_conflict');
    const parties = await partiesOf(tx.kysely, p, r);
    const refused = checkTransition(requestLifecycle, {
      from: r.status as RequestStatus,
      to: t.to,
      permissions: p.permissions,
      parties,
      values: { declineReason: t.declineReason, answer: t.answer, reason: t.reason },
    });
    if (refused) throw refused;
    const sla = await slaOf(tx.kysely, r.kind);
    const open = OPEN.includes(t.to);
    const dueAt =
      t.to === 'accepted' || (t.to === 'inProgress' && r.status === 'answered')
        ? hoursLater(now, sla.answer)
        : t.to === 'inProgress'
          ? r.due_at
          : null;
    const version = r.version + 1;
    const updated = await tx.kysely
      .updateTable('support_request')
      .set({
        status: t.to,
        open: open ? 1 : 0,
        due_at: dueAt,
        ...(dueAt !== r.due_at ? { overdue_notified_at: null } : {}),
        ...(t.declineReason !== undefined ? { decline_reason: t.declineReason } : {}),
        ...(t.answer !== undefined ? { answer: t.answer } : {}),
        version,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', r.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw casesErrors.create('cases.request_version_conflict');
    const said = t.answer ?? t.declineReason ?? t.reason;
    await addMessage(tx, p, id, 'status', `${requestStatus.labels[t.to].ja}${said ? `：${said}` : ''}`, now);
    const otherUnit = p.unitId === r.to_unit_id ? r.from_unit_id : r.to_unit_id;
    await tell(
      tx,
      p,
      otherUnit,
      {
        kind: 'cases.request.status',
        title: `【${requestStatus.labels[t.to].ja}】${r.request_no} ${r.title}`,
        en: { title: `[${requestStatus.labels[t.to].en}] ${r.request_no} ${r.title}` },
        link: link(id),
      },
      now,
    );
    await audit(tx, ctx, {
      action: 'cases.request.transition',
      target: id,
      reason: t.reason ?? t.declineReason,
      change: t,
      detail: { from: r.status, to: t.to },
    });
    return { id, version, status: t.to };
  });
}

/** A reply on the request's timeline, from either side; the other side is told. */
export async function replyToRequest(db: Db, ctx: RequestCtx, id: string, text: string, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const r = await readable(tx.kysely, p, id);
    if ((await partiesOf(tx.kysely, p, r)).size === 0) throw casesErrors.create('cases.request_not_party');
    await addMessage(tx, p, id, 'message', text, now);
    const otherUnit = p.unitId === r.to_unit_id ? r.from_unit_id : r.to_unit_id;
    await tell(
      tx,
      p,
      otherUnit,
      {
        kind: 'cases.request.message',
        title: `【連絡】${r.request_no} ${r.title}`,
        en: { title: `[Message] ${r.request_no} ${r.title}` },
        link: link(id),
      },
      now,
    );
    await audit(tx, ctx, { action: 'cases.request.message', target: id });
    return { id, version: r.version, requestNo: r.request_no };
  });
}

/**
 * Requests past their deadline (to accept, or to answer): the unit asked and the unit above it
 * are told once per deadline. A unit outside Renkei is not told; the unit recording for it is.
 */
export function markOverdueRequests(db: Db, now = new Date()): Promise<number> {
  return sweepDeadlines(db, requestDeadline, now);
}

const requestDeadline: Deadline<Selectable<SupportRequestTable>> = {
  due: (db, now) =>
    db.kysely
      .selectFrom('support_request as r')
      .selectAll('r')
      .where('r.open', '=', 1)
      .where('r.due_at', '<=', now.toISOString())
      .where('r.overdue_notified_at', 'is', null)
      .limit(500)
      .execute(),
  claim: (tx, r) =>
    tx.kysely
      .updateTable('support_request')
      .set({ overdue_notified_at: r.due_at })
      .where('id', '=', r.id)
      .where('version', '=', r.version)
      .where('overdue_notified_at', 'is', null)
      .executeTakeFirst(),
  async tell(tx, r, now) {
    // The side that owes the next step answers for the delay; a unit outside Renkei cannot be
    // told, so the unit that recorded its side is.
    const waiting = r.status === 'answered' ? r.from_unit_id : r.to_unit_id;
    const responsible = (await outside(tx.kysely, waiting)) ? (waiting === r.to_unit_id ? r.from_unit_id : r.to_unit_id) : waiting;
    await notifyUnitAndAbove(
      tx.kysely,
      responsible,
      {
        kind: 'cases.request.overdue',
        title: `【期限超過】${r.request_no} ${r.title}`,
        body: `${requestStatus.labels[r.status as RequestStatus].ja}のまま期限を過ぎています。`,
        en: { title: `[Overdue] ${r.request_no} ${r.title}`, body: 'The request is past its deadline.' },
        link: link(r.id),
      },
      now,
    );
    await audit(tx, systemCtx, { action: 'cases.request.overdue', target: r.id, detail: { dueAt: r.due_at ?? '' } }, now);
  },
};

/**
 * Every unit a request may go to: outside Renkei (its side is recorded for it) or with someone who
 * reads cases; never the caller's own.
 */
export async function requestTargets(db: Kysely<Database>, p: Viewer) {
  const rows = await db
    .selectFrom('unit as u')
    .select(['u.id', 'u.name', 'u.name_en', 'u.kind'])
    .select(
      sql<number>`case when exists (select 1 from app_user a where a.unit_id = u.id and a.disabled = 0) then 1 else 0 end`.as('staffed'),
    )
    .where('u.id', '<>', p.unitId)
    // Outside Renkei (nobody active), or someone there reads cases: not a partner's machine account.
    .where((e) =>
      e.or([
        e.not(e.exists(e.selectFrom('app_user as a').select('a.id').whereRef('a.unit_id', '=', 'u.id').where('a.disabled', '=', 0))),
        e.exists(
          e
            .selectFrom('app_user as a')
            .select('a.id')
            .whereRef('a.unit_id', '=', 'u.id')
            .where('a.disabled', '=', 0)
            .where('a.role', 'in', caseReaders),
        ),
      ]),
    )
    .orderBy('u.code')
    .execute();
  return { items: rows.map((u) => ({ id: u.id, name: u.name, nameEn: u.name_en, kind: u.kind, inRenkei: Number(u.staffed) === 1 })) };
}

export async function requestSla(db: Kysely<Database>) {
  const rows = await db.selectFrom('support_request_sla').selectAll().execute();
  const by = new Map(rows.map((r) => [r.kind, r]));
  return {
    items: requestKind.keys.map((kind) => ({
      kind,
      acceptHours: by.get(kind)?.accept_hours ?? defaultRequestSla[kind].accept,
      answerHours: by.get(kind)?.answer_hours ?? defaultRequestSla[kind].answer,
    })),
  };
}

export async function putRequestSla(db: Db, ctx: RequestCtx, kind: RequestKind, h: { acceptHours: number; answerHours: number }) {
  await withTx(db, async (tx) => {
    await tx.kysely
      .insertInto('support_request_sla')
      .values({ kind, accept_hours: h.acceptHours, answer_hours: h.answerHours })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ accept_hours: h.acceptHours, answer_hours: h.answerHours }))
      .execute();
    await audit(tx, ctx, { action: 'cases.request_sla.update', detail: { kind, acceptHours: h.acceptHours, answerHours: h.answerHours } });
  });
  return requestSla(db.kysely);
}

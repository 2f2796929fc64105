import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jstDay } from '../../../contracts/datetime.js';
import {
  type Warrant,
  type WarrantCreate,
  type WarrantKind,
  type WarrantStatus,
  type WarrantTransition,
  warrantKind,
} from '../../../contracts/legal.contracts.js';
import { type RequestCtx, systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { withTx } from '../../core/db/db.tx.js';
import { type Deadline, sweepDeadlines } from '../../core/deadlines/deadlines.js';
import type { Principal } from '../../core/http/http.principal.js';
import { checkTransition } from '../../core/lifecycle/lifecycle.js';
import { notifyUsers } from '../notify/index.js';
import { casesErrors } from './cases.errors.js';
import { mayEditCase, readableCaseRow, type Viewer } from './cases.repository.js';
import { caseEvent } from './cases.timeline.js';
import { warrantLifecycle } from './cases.warrants.lifecycle.js';

type Caller = Viewer & Pick<Principal, 'permissions'>;

async function caseOf(db: Kysely<Database>, p: Viewer, caseId: string) {
  const k = await readableCaseRow(db, p, caseId);
  if (!k) throw casesErrors.create('cases.not_found');
  return k;
}

function warrantQuery(db: Kysely<Database>) {
  return db
    .selectFrom('case_warrant as w')
    .innerJoin('app_user as a', 'a.id', 'w.requested_by')
    .selectAll('w')
    .select('a.display_name as requested_by_name');
}
type Row = Awaited<ReturnType<ReturnType<typeof warrantQuery>['executeTakeFirstOrThrow']>>;

function toView(p: Caller, w: Row, owningUnitId: string, today: string): Warrant {
  const status = w.status as WarrantStatus;
  return {
    id: w.id,
    caseId: w.case_id,
    kind: w.kind as WarrantKind,
    status,
    court: w.court,
    target: w.target,
    requestedOn: w.requested_on,
    requestedBy: { id: w.requested_by, name: w.requested_by_name },
    issuedOn: w.issued_on,
    expiresOn: w.expires_on,
    executedOn: w.executed_on,
    reason: w.reason,
    expired: status === 'issued' && w.expires_on !== null && w.expires_on < today,
    version: w.version,
    nextStatuses: mayEditCase(p, owningUnitId) ? warrantLifecycle.next(status, p.permissions) : [],
  };
}

/** A case's warrants, for whoever may read the case. */
export async function warrantsOfCase(db: Kysely<Database>, p: Caller, caseId: string, now = new Date()): Promise<Warrant[]> {
  const k = await caseOf(db, p, caseId);
  const rows = await warrantQuery(db).where('w.case_id', '=', k.id).orderBy('w.seq').execute();
  return rows.map((w) => toView(p, w, k.owning_unit_id, jstDay(now)));
}

/** Record a warrant asked of a court: the case's own unit (or a prefecture-wide role) with cases.write. */
export async function createWarrant(db: Db, ctx: RequestCtx, caseId: string, input: WarrantCreate, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const k = await caseOf(tx.kysely, p, caseId);
    if (!mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.legal_edit_forbidden');
    if (input.requestedOn > jstDay(now)) {
      throw casesErrors.create('cases.warrant_dates', undefined, { details: [{ path: 'body.requestedOn', message: input.requestedOn }] });
    }
    const id = randomUUID();
    const at = now.toISOString();
    await tx.kysely
      .insertInto('case_warrant')
      .values({
        id,
        case_id: k.id,
        kind: input.kind,
        court: input.court,
        target: input.target,
        requested_on: input.requestedOn,
        requested_by: p.userId,
        status: warrantLifecycle.initial,
        issued_on: null,
        expires_on: null,
        executed_on: null,
        reason: null,
        expiry_notified_on: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await caseEvent(
      tx,
      ctx,
      k.id,
      'warrant',
      { text: input.target, detail: { kind: input.kind, to: 'requested', court: input.court } },
      now,
    );
    await audit(tx, ctx, { action: 'cases.warrant.create', target: k.id, change: input, detail: { warrant: id } });
    return { id, status: warrantLifecycle.initial, version: 1 };
  });
}

/** Dates that contradict each other: issued before it was asked for, valid until before it was issued, executed outside its period. */
function badDates(w: Row, t: WarrantTransition): { path: string; message: string } | null {
  if (t.to === 'issued' && t.issuedOn && t.issuedOn < w.requested_on) return { path: 'body.issuedOn', message: t.issuedOn };
  if (t.to === 'issued' && t.issuedOn && t.expiresOn && t.expiresOn < t.issuedOn) return { path: 'body.expiresOn', message: t.expiresOn };
  if (t.to === 'executed' && t.executedOn && w.issued_on && w.expires_on && (t.executedOn < w.issued_on || t.executedOn > w.expires_on)) {
    return { path: 'body.executedOn', message: t.executedOn };
  }
  return null;
}

/**
 * Move a warrant along its lifecycle, with the version read; the dates must agree with each other
 * (400 naming the field otherwise). A refusal changes nothing.
 */
export async function transitionWarrant(
  db: Db,
  ctx: RequestCtx,
  caseId: string,
  warrantId: string,
  t: WarrantTransition,
  now = new Date(),
) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const k = await caseOf(tx.kysely, p, caseId);
    const w = await warrantQuery(tx.kysely).where('w.id', '=', warrantId).where('w.case_id', '=', k.id).executeTakeFirst();
    if (!w) throw casesErrors.create('cases.warrant_not_found');
    if (!mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.legal_edit_forbidden');
    if (w.version !== t.version) throw casesErrors.create('cases.warrant_version_conflict');
    const refused = checkTransition(warrantLifecycle, {
      from: w.status as WarrantStatus,
      to: t.to,
      permissions: p.permissions,
      values: { issuedOn: t.issuedOn, expiresOn: t.expiresOn, executedOn: t.executedOn, reason: t.reason },
    });
    if (refused) throw refused;
    const bad = badDates(w, t);
    if (bad) throw casesErrors.create('cases.warrant_dates', undefined, { details: [bad] });
    const version = w.version + 1;
    const updated = await tx.kysely
      .updateTable('case_warrant')
      .set({
        status: t.to,
        ...(t.to === 'issued' ? { issued_on: t.issuedOn ?? null, expires_on: t.expiresOn ?? null } : {}),
        ...(t.to === 'executed' ? { executed_on: t.executedOn ?? null } : {}),
        ...(t.to === 'rejected' || t.to === 'returned' ? { reason: t.reason ?? null } : {}),
        version,
        updated_at: now.toISOString(),
      })
      .where('id', '=', w.id)
      .where('version', '=', w.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw casesErrors.create('cases.warrant_version_conflict');
    await caseEvent(tx, ctx, k.id, 'warrant', { text: t.reason ?? null, detail: { kind: w.kind, to: t.to, court: w.court } }, now);
    await audit(tx, ctx, {
      action: 'cases.warrant.transition',
      target: k.id,
      reason: t.reason,
      change: t,
      detail: { warrant: w.id, from: w.status, to: t.to },
    });
    return { id: w.id, status: t.to, version };
  });
}

/**
 * Issued warrants not yet executed whose period ends tomorrow or has ended: whoever asked for it
 * and the case's lead are told, once per last day (a reissued warrant is told again).
 */
export function markExpiringWarrants(db: Db, now = new Date()): Promise<number> {
  return sweepDeadlines(db, warrantDeadline, now);
}

const tomorrow = (now: Date) => jstDay(new Date(now.getTime() + 86_400_000));

const warrantDeadline: Deadline<{
  id: string;
  case_id: string;
  kind: string;
  expires_on: string | null;
  requested_by: string;
  case_no: string;
  lead_user_id: string;
}> = {
  due: (db, now) =>
    db.kysely
      .selectFrom('case_warrant as w')
      .innerJoin('case_record as k', 'k.id', 'w.case_id')
      .select(['w.id', 'w.case_id', 'w.kind', 'w.expires_on', 'w.requested_by', 'k.case_no', 'k.lead_user_id'])
      .where('w.status', '=', 'issued')
      .where('w.expires_on', '<=', tomorrow(now))
      .where((e) => e.or([e('w.expiry_notified_on', 'is', null), e('w.expiry_notified_on', '<>', e.ref('w.expires_on'))]))
      .limit(500)
      .execute(),
  claim: (tx, w) =>
    tx.kysely
      .updateTable('case_warrant')
      .set({ expiry_notified_on: w.expires_on })
      .where('id', '=', w.id)
      .where('status', '=', 'issued')
      .where((e) => e.or([e('expiry_notified_on', 'is', null), e('expiry_notified_on', '<>', e.ref('expires_on'))]))
      .executeTakeFirst(),
  async tell(tx, w, now) {
    const kind = warrantKind.labels[w.kind as WarrantKind];
    const ended = w.expires_on !== null && w.expires_on < jstDay(now);
    await notifyUsers(
      tx.kysely,
      [...new Set([w.requested_by, w.lead_user_id])],
      {
        kind: 'cases.warrant.expiry',
        title: `【令状${ended ? '期間経過' : 'の有効期間'}】${w.case_no} ${kind.ja}`,
        body: ended
          ? `${kind.ja}の有効期間（${w.expires_on}まで）が過ぎました。執行しなかった場合は返還を記録してください。`
          : `${kind.ja}の有効期間は ${w.expires_on} までです。未執行です。`,
        en: { title: `[Warrant ${ended ? 'expired' : 'expiring'}] ${w.case_no} ${kind.en}` },
        link: `/cases/${w.case_id}#legal`,
      },
      now,
    );
    await audit(
      tx,
      systemCtx,
      { action: 'cases.warrant.expiry', target: w.case_id, detail: { warrant: w.id, expiresOn: w.expires_on ?? '' } },
      now,
    );
  },
};

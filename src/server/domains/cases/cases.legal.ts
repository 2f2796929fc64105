import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jstDay } from '../../../contracts/datetime.js';
import type {
  LegalCreate,
  LegalProcess,
  LegalStatus,
  LegalTransition,
  Recipient,
  RecipientCreate,
  RecipientKind,
} from '../../../contracts/legal.contracts.js';
import { type AuditCtx, type RequestCtx, systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import { type Deadline, sweepDeadlines } from '../../core/deadlines/deadlines.js';
import type { Principal } from '../../core/http/http.principal.js';
import { checkTransition } from '../../core/lifecycle/lifecycle.js';
import { bankName } from '../indicators/index.js';
import { type Notice, notifyUsers } from '../notify/index.js';
import { casesErrors } from './cases.errors.js';
import { legalLifecycle } from './cases.legal.lifecycle.js';
import { mayEditCase, readableCase } from './cases.repository.js';
import { caseEvent } from './cases.timeline.js';

type Caller = Pick<Principal, 'scope' | 'unitId' | 'userId' | 'permissions'>;

/** The 和暦 year a letter's number runs in (令和8): registers start again at 第1号 each year. */
export function warekiYear(at: Date): string {
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'Asia/Tokyo' }).formatToParts(at);
  return parts
    .filter((p) => p.type === 'era' || p.type === 'year')
    .map((p) => p.value)
    .join('');
}

async function caseOf(db: Kysely<Database>, p: Caller, caseId: string) {
  const k = await db
    .selectFrom('case_record as k')
    .innerJoin('unit as u', 'u.id', 'k.owning_unit_id')
    .select(['k.id', 'k.case_no', 'k.title', 'k.owning_unit_id', 'u.name as unit_name'])
    .where('k.id', '=', caseId)
    .where(readableCase(p))
    .executeTakeFirst();
  if (!k) throw casesErrors.create('cases.not_found');
  return k;
}

function legalQuery(db: Kysely<Database>) {
  return db
    .selectFrom('legal_process as l')
    .innerJoin('legal_recipient as r', 'r.id', 'l.recipient_id')
    .innerJoin('app_user as d', 'd.id', 'l.drafted_by')
    .leftJoin('app_user as a', 'a.id', 'l.approved_by')
    .selectAll('l')
    .select([
      'r.kind as r_kind',
      'r.name as r_name',
      'r.department as r_department',
      'r.address as r_address',
      'r.bank_code as r_bank_code',
      'd.display_name as drafted_name',
      'a.display_name as approved_name',
    ]);
}
type LegalRow = Awaited<ReturnType<ReturnType<typeof legalQuery>['executeTakeFirstOrThrow']>>;

/** The parties a caller is to a letter: its drafter, or a reviewer who may approve it. */
function partiesOf(p: Caller, l: Pick<LegalRow, 'drafted_by' | 'unit_id'>): Set<string> {
  if (l.drafted_by === p.userId) return new Set(['drafter']);
  return l.unit_id === p.unitId ? new Set(['reviewer']) : new Set();
}

function toView(p: Caller, l: LegalRow): LegalProcess {
  return {
    id: l.id,
    caseId: l.case_id,
    kind: l.kind as LegalProcess['kind'],
    status: l.status as LegalStatus,
    recipient: {
      id: l.recipient_id,
      kind: l.r_kind as RecipientKind,
      name: l.r_name,
      department: l.r_department,
      address: l.r_address,
      bankCode: l.r_bank_code,
    },
    subject: l.subject,
    dueOn: l.due_on,
    letterNo: l.letter_no,
    draftedBy: { id: l.drafted_by, name: l.drafted_name },
    approvedBy: l.approved_by ? { id: l.approved_by, name: l.approved_name ?? '' } : null,
    approvedAt: l.approved_at,
    sentOn: l.sent_on,
    answeredOn: l.answered_on,
    answer: l.answer,
    withdrawReason: l.withdraw_reason,
    overdue: l.status === 'sent' && l.due_on !== null && l.due_on < jstDay(new Date()),
    version: l.version,
    nextStatuses: legalLifecycle.next(l.status as LegalStatus, p.permissions, partiesOf(p, l)),
    mine: l.drafted_by === p.userId,
  };
}

/** A case's letters, for whoever may read the case. */
export async function legalOfCase(db: Kysely<Database>, p: Caller, caseId: string): Promise<LegalProcess[]> {
  const k = await caseOf(db, p, caseId);
  const rows = await legalQuery(db).where('l.case_id', '=', k.id).orderBy('l.seq').execute();
  return rows.map((l) => toView(p, l));
}

/** One letter with its case, for the PDF: within the case's need-to-know. */
export async function legalForLetter(db: Kysely<Database>, p: Caller, caseId: string, legalId: string) {
  const k = await caseOf(db, p, caseId);
  const l = await legalQuery(db).where('l.id', '=', legalId).where('l.case_id', '=', k.id).executeTakeFirst();
  if (!l) throw casesErrors.create('cases.legal_not_found');
  return { caseRow: k, letter: toView(p, l), unitName: await senderName(db, l.unit_id) };
}

/** The sending unit as a letter names it: a division of 本部 with 本部's name before its own. */
async function senderName(db: Kysely<Database>, unitId: string): Promise<string> {
  const unit = await db.selectFrom('unit').select(['name', 'kind', 'parent_id']).where('id', '=', unitId).executeTakeFirstOrThrow();
  if (unit.kind !== 'hqDivision') return unit.name;
  let parent = unit.parent_id;
  for (let depth = 0; parent && depth < 8; depth++) {
    const up = await db.selectFrom('unit').select(['name', 'kind', 'parent_id']).where('id', '=', parent).executeTakeFirst();
    if (!up) break;
    if (up.kind === 'headquarters') return `${up.name} ${unit.name}`;
    parent = up.parent_id;
  }
  return unit.name;
}

/** Draft a letter for a case: its owning unit (or a prefecture-wide role) with cases.write. */
export async function createLegal(db: Db, ctx: RequestCtx, caseId: string, input: LegalCreate, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const k = await caseOf(tx.kysely, p, caseId);
    if (!mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.legal_edit_forbidden');
    const r = await tx.kysely.selectFrom('legal_recipient').select('id').where('id', '=', input.recipientId).executeTakeFirst();
    if (!r) throw casesErrors.create('cases.recipient_not_found');
    const id = randomUUID();
    const at = now.toISOString();
    await tx.kysely
      .insertInto('legal_process')
      .values({
        id,
        case_id: k.id,
        kind: input.kind,
        recipient_id: r.id,
        subject: input.subject,
        due_on: input.dueOn,
        status: legalLifecycle.initial,
        unit_id: p.unitId,
        letter_no: null,
        drafted_by: p.userId,
        approved_by: null,
        approved_at: null,
        sent_on: null,
        answered_on: null,
        answer: null,
        withdraw_reason: null,
        overdue_notified_on: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await caseEvent(tx, ctx, k.id, 'letterDrafted', { text: input.subject, detail: { kind: input.kind } }, now);
    await audit(tx, ctx, { action: 'cases.legal.create', target: k.id, change: input, detail: { legal: id } });
    return { id, status: legalLifecycle.initial, version: 1, letterNo: null };
  });
}

/**
 * The next number of the unit's register for the year, as 宮本サ対第123号. One statement takes it
 * (insert the year's row at 1, or add 1 to it), so two approvals at once never share a number.
 */
async function nextLetterNo(tx: Tx, unitId: string, now: Date): Promise<string> {
  const prefix = await letterPrefix(tx.kysely, unitId);
  const row = await tx.kysely
    .insertInto('letter_register')
    .values({ unit_id: unitId, year: warekiYear(now), prefix, last_no: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('letter_register.last_no', '+', 1) })))
    .returning(['last_no', 'prefix'])
    .executeTakeFirstOrThrow();
  return `${row.prefix}第${row.last_no}号`;
}

/**
 * Move a letter along its lifecycle. Approving is for an approver of the drafting unit who is not
 * the drafter, and numbers the letter; sending needs the date sent, recording the answer the
 * answer, withdrawing a reason. The version read must still be current; a refusal changes nothing.
 */
export async function transitionLegal(db: Db, ctx: RequestCtx, caseId: string, legalId: string, t: LegalTransition, now = new Date()) {
  const p = ctx.principal;
  return withTx(db, async (tx) => {
    const k = await caseOf(tx.kysely, p, caseId);
    const l = await legalQuery(tx.kysely).where('l.id', '=', legalId).where('l.case_id', '=', k.id).executeTakeFirst();
    if (!l) throw casesErrors.create('cases.legal_not_found');
    if (l.version !== t.version) throw casesErrors.create('cases.legal_version_conflict');
    if (t.to === 'approved' && l.status === 'draft' && p.permissions.has('cases.legal.approve')) {
      // Named plainly rather than as a bare "not permitted": the second pair of eyes is the point.
      if (l.drafted_by === p.userId) throw casesErrors.create('cases.legal_own_approval');
      if (l.unit_id !== p.unitId) throw casesErrors.create('cases.legal_other_unit');
    }
    if (t.to !== 'approved' && !mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.legal_edit_forbidden');
    const refused = checkTransition(legalLifecycle, {
      from: l.status as LegalStatus,
      to: t.to,
      permissions: p.permissions,
      parties: partiesOf(p, l),
      values: { sentOn: t.sentOn, answer: t.answer, reason: t.reason },
    });
    if (refused) throw refused;
    const version = l.version + 1;
    const letterNo = t.to === 'approved' ? await nextLetterNo(tx, l.unit_id, now) : l.letter_no;
    const updated = await tx.kysely
      .updateTable('legal_process')
      .set({
        status: t.to,
        letter_no: letterNo,
        ...(t.to === 'approved' ? { approved_by: p.userId, approved_at: now.toISOString() } : {}),
        ...(t.to === 'sent' ? { sent_on: t.sentOn ?? null } : {}),
        ...(t.to === 'answered' ? { answer: t.answer ?? null, answered_on: jstDay(now) } : {}),
        ...(t.to === 'withdrawn' ? { withdraw_reason: t.reason ?? null } : {}),
        version,
        updated_at: now.toISOString(),
      })
      .where('id', '=', l.id)
      .where('version', '=', l.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw casesErrors.create('cases.legal_version_conflict');
    await caseEvent(
      tx,
      ctx,
      k.id,
      'letter',
      { text: t.reason ?? null, detail: { kind: l.kind, to: t.to, letterNo: letterNo ?? null } },
      now,
    );
    await audit(tx, ctx, {
      action: 'cases.legal.transition',
      target: k.id,
      reason: t.reason,
      change: t,
      detail: { legal: l.id, from: l.status, to: t.to, letterNo: letterNo ?? '' },
    });
    return { id: l.id, status: t.to, version, letterNo };
  });
}

/** The unit's 文書記号; until one is set, the unit's name stands for it. */
export async function letterPrefix(db: Kysely<Database>, unitId: string): Promise<string> {
  const set = await db
    .selectFrom('letter_register')
    .select('prefix')
    .where('unit_id', '=', unitId)
    .where('year', '=', '')
    .executeTakeFirst();
  if (set) return set.prefix;
  const unit = await db.selectFrom('unit').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
  return unit.name;
}

/** Set the caller's unit's 文書記号: numbers given from now on carry it. */
export async function putLetterPrefix(db: Db, ctx: RequestCtx, prefix: string) {
  const unitId = ctx.principal.unitId;
  return withTx(db, async (tx) => {
    await tx.kysely
      .insertInto('letter_register')
      .values({ unit_id: unitId, year: '', prefix, last_no: 0 })
      .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ prefix }))
      .execute();
    // The year's running number keeps counting under the new prefix.
    await tx.kysely.updateTable('letter_register').set({ prefix }).where('unit_id', '=', unitId).execute();
    await audit(tx, ctx, { action: 'cases.letter_prefix.update', change: { prefix } });
    return { prefix };
  });
}

export async function listRecipients(db: Kysely<Database>): Promise<Recipient[]> {
  const rows = await db.selectFrom('legal_recipient').selectAll().orderBy('kind').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as RecipientKind,
    name: r.name,
    department: r.department,
    address: r.address,
    bankCode: r.bank_code,
  }));
}

/** Add a recipient; a bank is named by its 金融機関コード, and its name comes from zengin-code when not given. */
export async function createRecipient(db: Db, ctx: AuditCtx, input: RecipientCreate, now = new Date()): Promise<Recipient> {
  if (input.bankCode !== null && bankName(input.bankCode) === null)
    throw casesErrors.create('cases.recipient_bank_unknown', { code: input.bankCode });
  const id = randomUUID();
  return withTx(db, async (tx) => {
    await tx.kysely
      .insertInto('legal_recipient')
      .values({
        id,
        kind: input.kind,
        name: input.name,
        department: input.department,
        address: input.address,
        bank_code: input.bankCode,
        created_by: 'principal' in ctx ? ctx.principal.userId : null,
        created_at: now.toISOString(),
      })
      .execute();
    await audit(tx, ctx, { action: 'cases.legal_recipient.create', change: input, detail: { recipient: id } });
    return { id, ...input };
  });
}

/** Sent letters past their 回答期限 without an answer: the drafter and the case's lead are told, once per due date. */
export function markOverdueLetters(db: Db, now = new Date()): Promise<number> {
  return sweepDeadlines(db, letterDeadline, now);
}

const letterDeadline: Deadline<{
  id: string;
  case_id: string;
  letter_no: string | null;
  due_on: string | null;
  drafted_by: string;
  recipient: string;
  case_no: string;
  lead_user_id: string;
}> = {
  due: (db, now) =>
    db.kysely
      .selectFrom('legal_process as l')
      .innerJoin('case_record as k', 'k.id', 'l.case_id')
      .innerJoin('legal_recipient as r', 'r.id', 'l.recipient_id')
      .select(['l.id', 'l.case_id', 'l.letter_no', 'l.due_on', 'l.drafted_by', 'r.name as recipient', 'k.case_no', 'k.lead_user_id'])
      .where('l.status', '=', 'sent')
      .where('l.due_on', '<', jstDay(now))
      .where((e) => e.or([e('l.overdue_notified_on', 'is', null), e('l.overdue_notified_on', '<>', e.ref('l.due_on'))]))
      .limit(500)
      .execute(),
  claim: (tx, l) =>
    tx.kysely
      .updateTable('legal_process')
      .set({ overdue_notified_on: l.due_on })
      .where('id', '=', l.id)
      .where('status', '=', 'sent')
      .where((e) => e.or([e('overdue_notified_on', 'is', null), e('overdue_notified_on', '<>', e.ref('due_on'))]))
      .executeTakeFirst(),
  async tell(tx, l, now) {
    const notice: Notice = {
      kind: 'cases.legal.overdue',
      title: `【回答期限超過】${l.letter_no ?? ''} ${l.recipient}`,
      body: `${l.case_no} の照会書の回答期限（${l.due_on}）を過ぎても回答がありません。照会先に確認してください。`,
      en: {
        title: `[Unanswered] ${l.letter_no ?? ''} ${l.recipient}`,
        body: `The letter of ${l.case_no} was due to be answered on ${l.due_on}.`,
      },
      link: `/cases/${l.case_id}#legal`,
    };
    await notifyUsers(tx.kysely, [...new Set([l.drafted_by, l.lead_user_id])], notice, now);
    await audit(tx, systemCtx, { action: 'cases.legal.overdue', target: l.case_id, detail: { legal: l.id, dueOn: l.due_on ?? '' } }, now);
  },
};

import { randomUUID } from 'node:crypto';
import { formatJst } from '../../../contracts/datetime.js';
import { escalationState } from '../../../contracts/intake.contracts.js';
import { shareRecord } from '../../core/access/access.filter.js';
import { type RequestCtx, systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { toFlag, toJson } from '../../core/db/db.decode.js';
import type { Db } from '../../core/db/db.open.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import { type Deadline, sweepDeadlines } from '../../core/deadlines/deadlines.js';
import { notifyUnit, notifyUnitAndAbove, notifyUsers, resolveNotices } from '../notify/index.js';
import { intakeErrors } from './intake.errors.js';
import { addEvent, type EscRow, escalationQuery, escalationUnit, RECORD_TYPE, reindex, toEscalationView } from './intake.repository.js';

/**
 * Escalation (報告) from a station to サイバー課: raised by the rules or by hand, acknowledged
 * within a deadline, answered with guidance that goes back to the station. A missed deadline
 * marks it overdue and notifies the division's parent unit as well.
 */
export interface RaiseInput {
  manual: boolean;
  urgent: boolean;
  rules: string[];
  reason: string | null;
  slaMinutes: number;
}

const link = (id: string) => `/intake/${id}`;
/** The record opened at one report's guidance (the page scrolls there and highlights it). */
export const guidanceLink = (consultationId: string, escalationId: string) => `${link(consultationId)}#guidance-${escalationId}`;
/** Notices that ask サイバー課 to act on a report; read for everyone once someone has. */
const ASKING_KINDS = ['intake.escalation', 'intake.escalation.urgent', 'intake.overdue'];

export async function raiseEscalation(
  tx: Tx,
  ctx: RequestCtx,
  c: { id: string; ref_no: string; summary: string; owning_unit_id: string; escalation: string },
  input: RaiseInput,
  now = new Date(),
): Promise<string> {
  if (c.escalation === 'pending' || c.escalation === 'overdue') throw intakeErrors.create('intake.already_escalated');
  const toUnit = await escalationUnit(tx.kysely);
  if (!toUnit) throw intakeErrors.create('intake.no_escalation_unit');
  const id = randomUUID();
  const due = new Date(now.getTime() + input.slaMinutes * 60_000);
  await tx.kysely
    .insertInto('escalation')
    .values({
      id,
      consultation_id: c.id,
      from_unit_id: c.owning_unit_id,
      to_unit_id: toUnit,
      manual: toFlag(input.manual),
      urgent: toFlag(input.urgent),
      rules: toJson(input.rules),
      reason: input.reason,
      state: 'pending',
      raised_by: ctx.principal.userId,
      raised_at: now.toISOString(),
      due_at: due.toISOString(),
      acknowledged_at: null,
      acknowledged_by: null,
      guidance: null,
      guidance_at: null,
      guidance_by: null,
    })
    .execute();
  await tx.kysely.updateTable('consultation').set({ escalation: 'pending' }).where('id', '=', c.id).execute();
  await addEvent(
    tx.kysely,
    {
      consultationId: c.id,
      kind: 'escalated',
      actorUserId: ctx.principal.userId,
      actorUnitId: ctx.principal.unitId,
      text: input.reason,
      detail: { rules: input.rules, urgent: input.urgent, manual: input.manual, dueAt: due.toISOString() },
    },
    now,
  );
  if (toUnit !== c.owning_unit_id) {
    await shareRecord(tx, systemCtx, { recordType: RECORD_TYPE, recordId: c.id, unitId: toUnit, reason: 'escalation' }, now);
    await reindex(tx, c.id);
  }
  await notifyUnit(
    tx.kysely,
    toUnit,
    {
      kind: input.urgent ? 'intake.escalation.urgent' : 'intake.escalation',
      title: `${input.urgent ? '【速報】' : '【報告】'}${c.ref_no} ${c.summary}`,
      body: `確認期限: ${formatJst(due)}`,
      en: { title: `${input.urgent ? '[Urgent report]' : '[Report]'} ${c.ref_no} ${c.summary}`, body: `Acknowledge by ${formatJst(due)}` },
      link: link(c.id),
    },
    now,
  );
  await audit(tx, ctx, {
    action: 'intake.escalation.raise',
    target: c.id,
    reason: input.reason ?? undefined,
    detail: { escalation: id, rules: input.rules.join(','), urgent: input.urgent, manual: input.manual },
  });
  return id;
}

/** An escalation the caller may handle: addressed to their unit, or any for prefecture-wide roles. */
async function handleable(tx: Tx, ctx: RequestCtx, id: string) {
  let q = escalationQuery(tx.kysely).where('e.id', '=', id);
  if (ctx.principal.scope !== 'prefecture') q = q.where('e.to_unit_id', '=', ctx.principal.unitId);
  const r = await q.executeTakeFirst();
  if (!r) throw intakeErrors.create('intake.escalation_not_found');
  return r;
}

export async function acknowledge(db: Db, ctx: RequestCtx, id: string, now = new Date()) {
  return withTx(db, async (tx) => {
    const e = await handleable(tx, ctx, id);
    if (e.state !== 'pending' && e.state !== 'overdue') {
      throw intakeErrors.create('intake.escalation_state', { state: escalationState.labels[e.state as 'guided'].ja });
    }
    await setState(tx, e.consultation_id, id, 'acknowledged', {
      acknowledged_at: now.toISOString(),
      acknowledged_by: ctx.principal.userId,
    });
    await addEvent(
      tx.kysely,
      { consultationId: e.consultation_id, kind: 'acknowledged', actorUserId: ctx.principal.userId, actorUnitId: ctx.principal.unitId },
      now,
    );
    await notifyUnit(
      tx.kysely,
      e.from_unit_id,
      {
        kind: 'intake.acknowledged',
        title: `【確認】${e.ref_no} をサイバー課が確認しました`,
        en: { title: `[Acknowledged] The cyber division acknowledged ${e.ref_no}` },
        link: link(e.consultation_id),
      },
      now,
    );
    await resolveNotices(tx.kysely, { link: link(e.consultation_id), kinds: ASKING_KINDS }, now);
    await audit(tx, ctx, {
      action: 'intake.escalation.acknowledge',
      target: e.consultation_id,
      detail: { escalation: id },
    });
    return toEscalationView(await handleable(tx, ctx, id));
  });
}

export async function giveGuidance(db: Db, ctx: RequestCtx, id: string, guidance: string, now = new Date()) {
  return withTx(db, async (tx) => {
    const e = await handleable(tx, ctx, id);
    const ackNow = e.state === 'pending' || e.state === 'overdue';
    await setState(tx, e.consultation_id, id, 'guided', {
      guidance,
      guidance_at: now.toISOString(),
      guidance_by: ctx.principal.userId,
      ...(ackNow ? { acknowledged_at: now.toISOString(), acknowledged_by: ctx.principal.userId } : {}),
    });
    await addEvent(
      tx.kysely,
      {
        consultationId: e.consultation_id,
        kind: 'guidance',
        actorUserId: ctx.principal.userId,
        actorUnitId: ctx.principal.unitId,
        text: guidance,
      },
      now,
    );
    await notifyUnit(
      tx.kysely,
      e.from_unit_id,
      {
        kind: 'intake.guidance',
        title: `【指導】${e.ref_no} にサイバー課から指導があります`,
        body: guidance.slice(0, 200),
        en: { title: `[Guidance] The cyber division sent guidance on ${e.ref_no}`, body: guidance.slice(0, 200) },
        link: guidanceLink(e.consultation_id, id),
      },
      now,
    );
    await resolveNotices(tx.kysely, { link: link(e.consultation_id), kinds: ASKING_KINDS }, now);
    await audit(tx, ctx, {
      action: 'intake.escalation.guidance',
      target: e.consultation_id,
      change: { guidance },
      detail: { escalation: id },
    });
    return toEscalationView(await handleable(tx, ctx, id));
  });
}

async function setState(tx: Tx, consultationId: string, id: string, state: string, extra: Record<string, unknown>) {
  await tx.kysely
    .updateTable('escalation')
    .set({ state, ...extra })
    .where('id', '=', id)
    .execute();
  await tx.kysely.updateTable('consultation').set({ escalation: state }).where('id', '=', consultationId).execute();
}

/**
 * The deadline job: a pending escalation past its deadline becomes overdue; the receiving
 * division is reminded and its parent unit told (さらに上位へ報告). Runs every minute.
 */
export function markOverdue(db: Db, now = new Date()): Promise<number> {
  return sweepDeadlines(db, escalationDeadline, now);
}

const escalationDeadline: Deadline<EscRow> = {
  due: (db, now) =>
    escalationQuery(db.kysely).where('e.state', '=', 'pending').where('e.due_at', '<=', now.toISOString()).limit(200).execute(),
  claim: (tx, e) =>
    tx.kysely
      .updateTable('escalation')
      .set({ state: 'overdue', overdue_level: 1 })
      .where('id', '=', e.id)
      .where('state', '=', 'pending')
      .executeTakeFirst(),
  async tell(tx, e, now) {
    await tx.kysely.updateTable('consultation').set({ escalation: 'overdue' }).where('id', '=', e.consultation_id).execute();
    await addEvent(
      tx.kysely,
      { consultationId: e.consultation_id, kind: 'overdue', actorUserId: null, actorUnitId: null, detail: { dueAt: e.due_at } },
      now,
    );
    await notifyUnitAndAbove(
      tx.kysely,
      e.to_unit_id,
      {
        kind: 'intake.overdue',
        title: `【期限超過】${e.ref_no} ${e.summary}`,
        body: '報告の確認期限を過ぎました。至急確認してください。',
        en: {
          title: `[Overdue] ${e.ref_no} ${e.summary}`,
          body: 'The report is past its acknowledgement deadline. Please acknowledge it now.',
        },
        link: link(e.consultation_id),
      },
      now,
    );
    await audit(tx, systemCtx, { action: 'intake.escalation.overdue', target: e.consultation_id, detail: { escalation: e.id } }, now);
  },
};

/** 相談者支援: remind the receiving officer when the complainant is due news of progress. */
export function remindFollowUps(db: Db, now = new Date()): Promise<number> {
  return sweepDeadlines(db, followUpDeadline, now);
}

const followUpDeadline: Deadline<{ id: string; ref_no: string; summary: string; received_by: string; next_follow_up_at: string | null }> = {
  due: (db, now) =>
    db.kysely
      .selectFrom('consultation')
      .select(['id', 'ref_no', 'summary', 'received_by', 'next_follow_up_at'])
      .where('next_follow_up_at', '<=', now.toISOString())
      .where('follow_up_reminded_at', 'is', null)
      .where('status', '!=', 'closed')
      .limit(500)
      .execute(),
  // The date stays: the call is due on the officer's home page until they record it or set the next date.
  claim: (tx, c, now) =>
    tx.kysely
      .updateTable('consultation')
      .set({ follow_up_reminded_at: now.toISOString() })
      .where('id', '=', c.id)
      .where('follow_up_reminded_at', 'is', null)
      .executeTakeFirst(),
  async tell(tx, c, now) {
    await addEvent(
      tx.kysely,
      { consultationId: c.id, kind: 'followUpDue', actorUserId: null, actorUnitId: null, detail: { dueAt: c.next_follow_up_at } },
      now,
    );
    await notifyUsers(
      tx.kysely,
      [c.received_by],
      {
        kind: 'intake.followUp',
        title: `【相談者支援】${c.ref_no} 相談者への経過連絡の時期です`,
        body: c.summary,
        en: { title: `[Complainant support] ${c.ref_no}: time for a follow-up call to the complainant`, body: c.summary },
        link: link(c.id),
      },
      now,
    );
    await audit(tx, systemCtx, { action: 'intake.followup.remind', target: c.id }, now);
  },
};

import { shareRecord } from '../../core/access/access.filter.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { lookupIndicators, relatedRecords } from '../indicators/index.js';
import { notifyUnit } from '../notify/index.js';
import { intakeErrors } from './intake.errors.js';
import { addEvent, escalationUnit, RECORD_TYPE, reindex, SHARED_EVENT } from './intake.repository.js';
import { editable } from './intake.usecases.js';

/**
 * When correlation says "N related records in other units", the officer may ask for access. The
 * request goes to サイバー課 (who see every record) with the indicator, never the other records'
 * content; サイバー課 decides and shares a record with the unit, which then reads and finds it.
 */
const REQUEST_WINDOW_MS = 24 * 3600_000;

export async function requestAccess(
  db: Db,
  ctx: RequestCtx,
  input: { type: string; value: string; reason: string },
  now = new Date(),
): Promise<{ hidden: number }> {
  const [ind] = await lookupIndicators(db, [{ type: input.type as never, value: input.value }]);
  const rel = ind ? await relatedRecords(db.kysely, ctx.principal, [ind.id]) : null;
  const hidden = ind ? (rel?.hiddenByIndicator[ind.id] ?? 0) : 0;
  if (!ind || hidden === 0) throw intakeErrors.create('intake.nothing_to_request');
  const to = await escalationUnit(db.kysely);
  if (!to) throw intakeErrors.create('intake.no_escalation_unit');
  await withTx(db, async (tx) => {
    const p = ctx.principal;
    // One request per unit and indicator a day: a second click, or a colleague asking again,
    // would only send サイバー課 the same notice twice.
    const prior = await tx.kysely
      .selectFrom('audit_event')
      .select('occurred_at')
      .where('target_type', '=', 'indicator')
      .where('target_id', '=', String(ind.id))
      .where('action', '=', 'intake.access.request')
      .where('actor_unit_id', '=', p.unitId)
      .where('occurred_at', '>=', new Date(now.getTime() - REQUEST_WINDOW_MS).toISOString())
      .orderBy('occurred_at', 'desc')
      .executeTakeFirst();
    if (prior) {
      const at = new Date(prior.occurred_at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'short', timeStyle: 'short' });
      throw intakeErrors.create('intake.access_already_requested', { at });
    }
    await notifyUnit(
      tx.kysely,
      to,
      {
        kind: 'intake.accessRequest',
        title: `【閲覧依頼】${p.unitName} ${p.displayName}`,
        // The value itself stays out of mail: the link shows it to those who may see it.
        body: `他所属の記録 ${hidden} 件（共通の指標）の閲覧を希望しています。理由: ${input.reason}`,
        link: `/indicators/${ind.id}`,
      },
      now,
    );
    await audit(tx, ctx, {
      action: 'intake.access.request',
      target: String(ind.id),
      reason: input.reason,
      detail: { hidden },
    });
  });
  return { hidden };
}

/** Share a record with a unit (サイバー課, or the owning unit itself): it can then read and find it. */
export async function shareWithUnit(
  db: Db,
  ctx: RequestCtx,
  id: string,
  s: { unitId: string; reason: string; allowReveal?: boolean },
  now = new Date(),
): Promise<void> {
  const { unitId, reason } = s;
  const p = ctx.principal;
  await withTx(db, async (tx) => {
    const c = await editable(tx, ctx, id);
    const unit = await tx.kysely.selectFrom('unit').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
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
        detail: { unit: unit.name, allowReveal: s.allowReveal === true },
      },
      now,
    );
    await notifyUnit(
      tx.kysely,
      unitId,
      { kind: 'intake.shared', title: `【共有】${c.ref_no} ${c.summary}`, body: `理由: ${reason}`, link: `/intake/${id}` },
      now,
    );
  });
}

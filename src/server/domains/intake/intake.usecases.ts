import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { registerNumber } from '../../../contracts/datetime.js';
import type { IndicatorRole, IndicatorType } from '../../../contracts/indicators.contracts.js';
import type { ConsultationInput, ConsultationUpdate } from '../../../contracts/intake.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import { json, jsonOrNull, toFlag, toJson } from '../../core/db/db.decode.js';
import type { Db } from '../../core/db/db.open.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import type { FileStore } from '../../core/files/files.store.js';
import { extract, type RecordLabeler, relatedRecords, storeRecordSightings, type WarningLists } from '../indicators/index.js';
import { intakeErrors } from './intake.errors.js';
import { raiseEscalation } from './intake.escalation.js';
import { encryptParty, partyValues, roleOf } from './intake.personal.js';
import { addEvent, liveConsultation, RECORD_TYPE, reindex, ruleSettings, SEARCH_VERSION } from './intake.repository.js';
import { evaluateRules, manualSlaMinutes } from './intake.rules.js';
import type { ConsultationTable } from './intake.tables.js';

export interface IntakeDeps {
  db: Db;
  keyring: Keyring;
  warnings: WarningLists;
  commonThreshold: number;
  /** Days after receipt when the complainant is due news of progress (相談者支援). */
  followUpDays: number;
  files: FileStore;
  evidenceMaxBytes: number;
  /** Titles and links of every domain's records, for the related-record notices. */
  labelRecords: RecordLabeler;
}

const FOLLOW_UP_KINDS = new Set(['report', 'consultation']);

function validate(input: Partial<ConsultationInput>, receivedAt: string) {
  if (input.victimSameAsComplainant === false && !input.victim) throw intakeErrors.create('intake.victim_required');
  const limit = new Date(receivedAt).getTime() + 5 * 60_000;
  for (const [k, label] of [
    ['occurredAt', '発生日時'],
    ['discoveredAt', '認知日時'],
  ] as const) {
    const v = input[k];
    if (v && new Date(v).getTime() > limit) {
      throw intakeErrors.create(
        'intake.dates_order',
        { field: label },
        { details: [{ path: `body.${k}`, message: `${label}が受理日時より後です` }] },
      );
    }
  }
}

/** A 手口 code must be on the active list (cases classify with the same list). */
export async function assertModus(tx: Tx, code: string) {
  const m = await tx.kysely.selectFrom('modus').select('active').where('code', '=', code).executeTakeFirst();
  if (m?.active !== 1)
    throw intakeErrors.create(
      'intake.unknown_modus',
      { modus: code },
      { details: [{ path: 'body.modus', message: '登録されていない手口です' }] },
    );
}

/**
 * Extract indicators from the narrative (minus those the officer rejected) and record sightings.
 * A value equal to the complainant's or victim's own phone or account is theirs (role `victim`):
 * kept in the record, never counted, correlated or escalated on.
 */
async function recordIndicators(
  tx: Tx,
  deps: IntakeDeps,
  c: Pick<ConsultationTable, 'id' | 'owning_unit_id' | 'narrative' | 'excluded_indicators' | 'indicator_roles'> &
    Parameters<typeof partyValues>[1],
  created = false,
  batchId?: string,
) {
  const parties = partyValues(deps.keyring, c);
  const excluded = new Set(json<{ type: string; value: string }[]>(c.excluded_indicators).map((x) => `${x.type}\u0000${x.value}`));
  // The officer's choice of role wins over the one the party fields give.
  const chosen = new Map(
    (jsonOrNull<{ type: string; value: string; role: IndicatorRole }[]>(c.indicator_roles) ?? []).map((x) => [
      `${x.type}\u0000${x.value}`,
      x.role,
    ]),
  );
  const items = extract(c.narrative)
    .filter((h) => !excluded.has(`${h.type}\u0000${h.value}`))
    .map((h) => ({
      type: h.type as IndicatorType,
      value: h.value,
      start: h.start,
      end: h.end,
      role: chosen.get(`${h.type}\u0000${h.value}`) ?? roleOf(parties, h.type, h.value),
    }));
  return storeRecordSightings(tx, deps, { recordType: RECORD_TYPE, recordId: c.id, unitId: c.owning_unit_id }, items, { created, batchId });
}

export async function createConsultation(
  deps: IntakeDeps,
  ctx: RequestCtx,
  input: ConsultationInput,
  now = new Date(),
): Promise<{ id: string; created: boolean }> {
  const p = ctx.principal;
  const prior = async () =>
    input.idempotencyKey
      ? deps.db.kysely
          .selectFrom('consultation')
          .select('id')
          .where('received_by', '=', p.userId)
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirst()
      : undefined;
  const first = await prior();
  if (first) return { id: first.id, created: false };
  try {
    const id = await withTx(deps.db, (tx) => insertConsultation(tx, deps, ctx, input, { rules: true, now }));
    return { id, created: true };
  } catch (e) {
    // Two submits racing past the check: the unique index lets one in; the other gets its record.
    const winner = await prior();
    if (winner) return { id: winner.id, created: false };
    throw e;
  }
}

/** The stored form of a new record: personal fields encrypted, JSON columns serialised. */
export function consultationRow(
  deps: Pick<IntakeDeps, 'keyring' | 'followUpDays'>,
  p: { unitId: string; userId: string },
  id: string,
  input: ConsultationInput,
  o: { receivedAt: string; now: Date; followUp: boolean; refNo?: string },
) {
  const { keyring } = deps;
  const { receivedAt, now } = o;
  return {
    id,
    ref_no: o.refNo ?? id,
    owning_unit_id: p.unitId,
    received_by: p.userId,
    received_at: receivedAt,
    kind: input.kind,
    channel: input.channel,
    category: input.category,
    modus: input.modus,
    contact_methods: toJson(input.contactMethods),
    sns_service: input.snsService ?? null,
    occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
    discovered_at: input.discoveredAt ? new Date(input.discoveredAt).toISOString() : null,
    damage_amount: input.damageAmount ?? null,
    damage_kind: input.damageKind ?? null,
    payment_method: input.paymentMethod ?? null,
    victim_same: toFlag(input.victimSameAsComplainant),
    wishes: toJson(input.wishes),
    flags: toJson(input.flags),
    summary: input.summary,
    narrative: input.narrative,
    disposition: null,
    handover_to: null,
    status: 'received',
    escalation: 'none',
    next_follow_up_at:
      o.followUp && FOLLOW_UP_KINDS.has(input.kind)
        ? new Date(new Date(receivedAt).getTime() + deps.followUpDays * 86_400_000).toISOString()
        : null,
    excluded_indicators: toJson(input.excludedIndicators),
    indicator_roles: input.indicatorRoles.length > 0 ? toJson(input.indicatorRoles) : null,
    search_version: SEARCH_VERSION,
    idempotency_key: input.idempotencyKey ?? null,
    import_batch: null as string | null,
    version: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ...encryptParty(keyring, id, 'complainant', input.complainant),
    ...encryptParty(keyring, id, 'victim', input.victimSameAsComplainant ? null : (input.victim ?? null)),
  };
}

/**
 * Insert one record with its search entry, sightings, timeline and audit event, in the caller's
 * transaction. `rules: false` for imports of old registers, which must not flood サイバー課;
 * `batchId` for an import's records, written invisible until the import is published (core/staging).
 */
export async function insertConsultation(
  tx: Tx,
  deps: IntakeDeps,
  ctx: RequestCtx,
  input: ConsultationInput,
  opts: { rules: boolean; now: Date; source?: string; batchId?: string },
): Promise<string> {
  const p = ctx.principal;
  const now = opts.now;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt).toISOString() : now.toISOString();
  validate(input, receivedAt);
  const id = randomUUID();
  await assertModus(tx, input.modus);
  const row = { ...consultationRow(deps, p, id, input, { receivedAt, now, followUp: opts.rules }), import_batch: opts.batchId ?? null };
  const { seq } = await tx.kysely.insertInto('consultation').values(row).returning('seq').executeTakeFirstOrThrow();
  const refNo = registerNumber(receivedAt, seq);
  await tx.kysely.updateTable('consultation').set({ ref_no: refNo }).where('id', '=', id).execute();
  const c = { ...row, ref_no: refNo };
  const stored = await recordIndicators(tx, deps, c, true, opts.batchId);
  // After the sightings: the search text holds the indicators' written forms.
  await reindex(tx, id);
  await addEvent(
    tx.kysely,
    {
      consultationId: id,
      kind: 'received',
      actorUserId: p.userId,
      actorUnitId: p.unitId,
      detail: opts.source ? { source: opts.source } : undefined,
    },
    now,
  );
  await audit(tx, ctx, {
    action: 'intake.consultation.create',
    target: id,
    change: input,
    detail: opts.source ? { source: opts.source, ...(opts.batchId ? { batch: opts.batchId } : {}) } : undefined,
  });
  if (!opts.rules) return id;
  // The rules see every record in the prefecture, whatever the officer may read.
  const rel = await relatedRecords(
    tx.kysely,
    { scope: 'prefecture', unitId: p.unitId, userId: p.userId },
    stored.indicatorIds,
    { recordType: RECORD_TYPE, recordId: id },
    1,
  );
  const outcome = evaluateRules(await ruleSettings(tx.kysely), { input, matchesOtherRecord: rel.visible.length > 0 });
  if (outcome) {
    await raiseEscalation(
      tx,
      ctx,
      c,
      { manual: false, urgent: outcome.urgent, rules: outcome.rules, reason: null, slaMinutes: outcome.slaMinutes },
      now,
    );
  }
  return id;
}

/** Only the owning unit (or a prefecture-wide role) edits; units it was shared with only read. */
export async function editable(tx: Tx, ctx: RequestCtx, id: string) {
  const p = ctx.principal;
  let q = tx.kysely.selectFrom('consultation as c').selectAll('c').where('c.id', '=', id).where(liveConsultation);
  if (p.scope !== 'prefecture') q = q.where('c.owning_unit_id', '=', p.unitId);
  const row = await q.executeTakeFirst();
  if (!row) throw intakeErrors.create('intake.not_found');
  return row;
}

export async function updateConsultation(
  deps: IntakeDeps,
  ctx: RequestCtx,
  id: string,
  u: ConsultationUpdate,
  now = new Date(),
): Promise<{ version: number; status: NonNullable<ConsultationUpdate['status']> }> {
  const { db, keyring } = deps;
  return withTx(db, async (tx) => {
    const row = await editable(tx, ctx, id);
    if (row.version !== u.version) throw intakeErrors.create('intake.version_conflict');
    validate(u, row.received_at);
    if (u.modus && u.modus !== row.modus) await assertModus(tx, u.modus);
    const set: Updateable<ConsultationTable> = {};
    const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);
    if (u.kind) set.kind = u.kind;
    if (u.channel) set.channel = u.channel;
    if (u.category) set.category = u.category;
    if (u.modus) set.modus = u.modus;
    if (u.contactMethods) set.contact_methods = toJson(u.contactMethods);
    if (u.snsService !== undefined) set.sns_service = u.snsService || null;
    if (u.receivedAt) set.received_at = iso(u.receivedAt) as string;
    if (u.occurredAt !== undefined) set.occurred_at = iso(u.occurredAt);
    if (u.discoveredAt !== undefined) set.discovered_at = iso(u.discoveredAt);
    if (u.damageAmount !== undefined) set.damage_amount = u.damageAmount;
    if (u.damageKind !== undefined) set.damage_kind = u.damageKind;
    if (u.paymentMethod !== undefined) set.payment_method = u.paymentMethod;
    if (u.wishes) set.wishes = toJson(u.wishes);
    if (u.flags) set.flags = toJson(u.flags);
    if (u.summary) set.summary = u.summary;
    if (u.narrative !== undefined) set.narrative = u.narrative;
    if (u.excludedIndicators) set.excluded_indicators = toJson(u.excludedIndicators);
    if (u.indicatorRoles) set.indicator_roles = toJson(u.indicatorRoles);
    if (u.status) set.status = u.status;
    if (u.disposition !== undefined) set.disposition = u.disposition;
    if (u.handoverTo !== undefined) set.handover_to = u.handoverTo;
    if (u.nextFollowUpAt !== undefined) {
      set.next_follow_up_at = iso(u.nextFollowUpAt);
      set.follow_up_reminded_at = null;
    }
    if (u.complainant) Object.assign(set, encryptParty(keyring, id, 'complainant', u.complainant));
    if (u.victimSameAsComplainant !== undefined) set.victim_same = toFlag(u.victimSameAsComplainant);
    if (u.victimSameAsComplainant === true) Object.assign(set, encryptParty(keyring, id, 'victim', null));
    else if (u.victim) Object.assign(set, encryptParty(keyring, id, 'victim', u.victim));
    const changed = Object.keys(u).filter((k) => k !== 'version');
    await tx.kysely
      .updateTable('consultation')
      .set({ ...set, version: row.version + 1, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    const next = { ...row, ...set };
    // A changed phone or account changes which values are the victim's own.
    const parties = u.complainant || u.victim || u.victimSameAsComplainant !== undefined;
    const values = u.narrative !== undefined || u.excludedIndicators || u.indicatorRoles || parties;
    if (values) await recordIndicators(tx, deps, next);
    if (values || u.summary || u.snsService !== undefined || u.handoverTo !== undefined || u.category || u.modus) {
      await reindex(tx, id);
    }
    const kind = u.status && u.status !== row.status ? 'status' : 'updated';
    await addEvent(
      tx.kysely,
      {
        consultationId: id,
        kind,
        actorUserId: ctx.principal.userId,
        actorUnitId: ctx.principal.unitId,
        detail: { fields: changed, ...(u.status ? { status: u.status } : {}) },
      },
      now,
    );
    await audit(tx, ctx, {
      action: 'intake.consultation.update',
      target: id,
      change: u,
      detail: { fields: changed.join(',') },
    });
    return { version: row.version + 1, status: next.status as NonNullable<ConsultationUpdate['status']> };
  });
}

export async function escalateByHand(
  deps: IntakeDeps,
  ctx: RequestCtx,
  id: string,
  reason: string,
  urgent: boolean,
  now = new Date(),
): Promise<string> {
  return withTx(deps.db, async (tx) => {
    const row = await editable(tx, ctx, id);
    return raiseEscalation(tx, ctx, row, { manual: true, urgent, rules: [], reason, slaMinutes: manualSlaMinutes(urgent) }, now);
  });
}

/** A note or a contact with the complainant (相談者支援), optionally setting the next reminder. */
export async function addNote(
  deps: IntakeDeps,
  ctx: RequestCtx,
  id: string,
  n: { kind: 'note' | 'complainantContact'; text: string; nextFollowUpAt?: string | null },
  now = new Date(),
): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const row = await editable(tx, ctx, id);
    // A contact with the complainant settles the call that was due (unless it sets the next one).
    const next = n.nextFollowUpAt !== undefined ? n.nextFollowUpAt : n.kind === 'complainantContact' ? null : undefined;
    if (next !== undefined) {
      await tx.kysely
        .updateTable('consultation')
        .set({ next_follow_up_at: next ? new Date(next).toISOString() : null, follow_up_reminded_at: null })
        .where('id', '=', row.id)
        .execute();
    }
    await addEvent(
      tx.kysely,
      { consultationId: id, kind: n.kind, actorUserId: ctx.principal.userId, actorUnitId: ctx.principal.unitId, text: n.text },
      now,
    );
    await audit(tx, ctx, {
      action: n.kind === 'note' ? 'intake.consultation.note' : 'intake.consultation.contact',
      target: id,
      change: n,
    });
  });
}

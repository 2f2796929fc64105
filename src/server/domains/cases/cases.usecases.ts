import { randomUUID } from 'node:crypto';
import type { CaseCreate, CaseStatus, CaseTransition, CaseUpdate } from '../../../contracts/cases.contracts.js';
import { registerNumber } from '../../../contracts/datetime.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import { checkTransition } from '../../core/lifecycle/lifecycle.js';
import { type RecordLabeler, storeRecordSightings, textSightings, type WarningLists } from '../indicators/index.js';
import { assertModus, readableConsultationIds } from '../intake/index.js';
import { casesErrors } from './cases.errors.js';
import { caseLifecycle } from './cases.lifecycle.js';
import { RECORD_TYPE, readableCase } from './cases.repository.js';
import { caseEvent, noteTexts } from './cases.timeline.js';

export interface CasesDeps {
  db: Db;
  warnings: WarningLists;
  commonThreshold: number;
  /** Titles and links of every domain's records, for the related-record notices. */
  labelRecords: RecordLabeler;
}

/**
 * A case's text, read for indicators and correlated like every record's (indicators domain): the
 * narrative with the offsets a page marks, and every note after it. A new case has no notes; a
 * changed narrative or a new note replaces the case's sightings with the current set.
 */
export async function refreshCaseSightings(
  tx: Tx,
  deps: Pick<CasesDeps, 'warnings' | 'commonThreshold'>,
  rec: { id: string; owningUnitId: string },
  narrative: string,
  opts: { created?: boolean } = {},
) {
  const notes = opts.created ? [] : await noteTexts(tx, rec.id);
  const items = [...textSightings(narrative), ...notes.flatMap((n) => textSightings(n).map(({ type, value }) => ({ type, value })))];
  return storeRecordSightings(tx, deps, { recordType: RECORD_TYPE, recordId: rec.id, unitId: rec.owningUnitId }, items, {
    created: opts.created === true,
  });
}

/** 主任捜査官: an active person of the case's unit. */
async function assertLead(tx: Tx, userId: string, unitId: string) {
  const lead = await tx.kysely
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('unit_id', '=', unitId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  if (!lead) throw casesErrors.create('cases.lead_not_found', undefined, { details: [{ path: 'body.leadUserId', message: userId }] });
}

/**
 * Open a case in the creator's unit, linked to the consultations it grows from. A consultation
 * the creator may not read is refused exactly like one that does not exist, so opening a case
 * cannot probe another station's records.
 */
export async function createCase(deps: CasesDeps, ctx: RequestCtx, input: CaseCreate, now = new Date()) {
  const p = ctx.principal;
  const consultationIds = [...new Set(input.consultationIds)];
  return withTx(deps.db, async (tx) => {
    const readable = await readableConsultationIds(tx.kysely, p, consultationIds);
    const missing = consultationIds.filter((id) => !readable.has(id));
    if (missing.length > 0) {
      throw casesErrors.create(
        'cases.consultation_not_found',
        { ids: missing.join(', ') },
        { details: missing.map((id) => ({ path: 'body.consultationIds', message: id })) },
      );
    }
    if (input.modus) await assertModus(tx, input.modus);
    const leadUserId = input.leadUserId ?? p.userId;
    await assertLead(tx, leadUserId, p.unitId);
    const id = randomUUID();
    const at = now.toISOString();
    const { seq } = await tx.kysely
      .insertInto('case_record')
      .values({
        id,
        // Unique until numbered below, from the row's own sequence (as intake numbers 受理番号).
        case_no: id,
        title: input.title,
        owning_unit_id: p.unitId,
        lead_user_id: leadUserId,
        category: input.category,
        modus: input.modus,
        status: caseLifecycle.initial,
        narrative: input.narrative,
        arrested_count: null,
        referred_on: null,
        drop_reason: null,
        version: 1,
        created_by: p.userId,
        created_at: at,
        updated_at: at,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    const caseNo = registerNumber(at, seq, '事');
    await tx.kysely.updateTable('case_record').set({ case_no: caseNo }).where('id', '=', id).execute();
    await refreshCaseSightings(tx, deps, { id, owningUnitId: p.unitId }, input.narrative, { created: true });
    await caseEvent(tx, ctx, id, 'opened', { detail: { caseNo, consultations: consultationIds.length } }, now);
    await audit(tx, ctx, { action: 'cases.case.create', target: id, change: input, detail: { caseNo } });
    for (const consultationId of consultationIds) {
      await tx.kysely
        .insertInto('case_consultation')
        .values({ case_id: id, consultation_id: consultationId, linked_by: p.userId, linked_at: at })
        .execute();
      await audit(tx, ctx, { action: 'cases.consultation.link', target: id, detail: { consultation: consultationId } });
    }
    return { id, caseNo, version: 1 };
  });
}

/**
 * A case the caller may change, at the version they read: only the owning unit (or a
 * prefecture-wide role) changes a case; a unit that may only read it gets 404 like a stranger.
 */
async function editableCase(tx: Tx, p: RequestCtx['principal'], id: string, version: number) {
  let q = tx.kysely.selectFrom('case_record as k').selectAll('k').where('k.id', '=', id).where(readableCase(p));
  if (p.scope !== 'prefecture') q = q.where('k.owning_unit_id', '=', p.unitId);
  const row = await q.executeTakeFirst();
  if (!row) throw casesErrors.create('cases.not_found');
  if (row.version !== version) throw casesErrors.create('cases.version_conflict');
  return row;
}

/**
 * Edit what a case says. A changed narrative replaces the case's sightings in the same
 * transaction, so its correlations follow the text; the status is moved by transitionCase only.
 */
export async function updateCase(deps: CasesDeps, ctx: RequestCtx, id: string, u: CaseUpdate, now = new Date()) {
  const p = ctx.principal;
  return withTx(deps.db, async (tx) => {
    const row = await editableCase(tx, p, id, u.version);
    if (u.modus) await assertModus(tx, u.modus);
    if (u.leadUserId !== undefined && u.leadUserId !== row.lead_user_id) await assertLead(tx, u.leadUserId, row.owning_unit_id);
    const version = row.version + 1;
    const updated = await tx.kysely
      .updateTable('case_record')
      .set({
        ...(u.title !== undefined ? { title: u.title } : {}),
        ...(u.category !== undefined ? { category: u.category } : {}),
        ...(u.modus !== undefined ? { modus: u.modus } : {}),
        ...(u.narrative !== undefined ? { narrative: u.narrative } : {}),
        ...(u.leadUserId !== undefined ? { lead_user_id: u.leadUserId } : {}),
        version,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw casesErrors.create('cases.version_conflict');
    if (u.narrative !== undefined && u.narrative !== row.narrative) {
      await refreshCaseSightings(tx, deps, { id, owningUnitId: row.owning_unit_id }, u.narrative);
    }
    const fields = (['title', 'category', 'modus', 'narrative', 'leadUserId'] as const).filter((f) => u[f] !== undefined);
    await caseEvent(tx, ctx, id, 'updated', { detail: { fields } }, now);
    await audit(tx, ctx, { action: 'cases.case.update', target: id, change: u });
    return { id, version };
  });
}

/**
 * Move a case along its lifecycle. Only the owning unit (or a prefecture-wide role) moves it;
 * the version read must still be current (409 otherwise); the lifecycle judges the rest. A
 * refusal changes nothing: every check runs before the one update.
 */
export async function transitionCase(deps: CasesDeps, ctx: RequestCtx, id: string, t: CaseTransition, now = new Date()) {
  const p = ctx.principal;
  return withTx(deps.db, async (tx) => {
    const row = await editableCase(tx, p, id, t.version);
    const result = {
      arrested_count: t.arrestedCount ?? row.arrested_count,
      referred_on: t.referredOn ?? row.referred_on,
      drop_reason: t.dropReason ?? row.drop_reason,
    };
    const refused = checkTransition(caseLifecycle, {
      from: row.status as CaseStatus,
      to: t.to,
      permissions: p.permissions,
      values: { arrestedCount: result.arrested_count, referredOn: result.referred_on, dropReason: result.drop_reason, reason: t.reason },
    });
    if (refused) throw refused;
    const version = row.version + 1;
    const updated = await tx.kysely
      .updateTable('case_record')
      .set({ ...result, status: t.to, version, updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    // Another transaction moved it between our read and this write (PostgreSQL read committed).
    if (Number(updated.numUpdatedRows) !== 1) throw casesErrors.create('cases.version_conflict');
    await caseEvent(tx, ctx, id, 'status', { text: t.reason ?? t.dropReason ?? null, detail: { from: row.status, to: t.to } }, now);
    await audit(tx, ctx, {
      action: 'cases.case.transition',
      target: id,
      reason: t.reason,
      change: t,
      detail: { from: row.status, to: t.to },
    });
    return { id, version, status: t.to };
  });
}

import type { Kysely } from 'kysely';
import { roleGrants } from '../../../contracts/permissions.contracts.js';
import { shareRecord, unshareRecord } from '../../core/access/access.filter.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { containsText } from '../../core/db/db.like.js';
import type { Database } from '../../core/db/db.schema.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import type { Principal } from '../../core/http/http.principal.js';
import { notifyUsers } from '../notify/index.js';
import { casesErrors } from './cases.errors.js';
import { mayEditCase, RECORD_TYPE, readableCaseRow, type Viewer } from './cases.repository.js';
import { caseEvent } from './cases.timeline.js';
import { type CasesDeps, refreshCaseSightings } from './cases.usecases.js';

type Caller = Viewer & Pick<Principal, 'permissions'>;

/**
 * Roles whose officers may be on a team: those that read cases at all. An analyst of
 * 情報技術解析課 (another organisation, with accounts in Renkei) may; a partner's machine account may not.
 */
const teamRoles = Object.entries(roleGrants).flatMap(([role, grants]) =>
  (grants as readonly string[]).includes('cases.read') ? [role] : [],
);

/** A case the caller may read; 404 otherwise, whether or not it exists. */
async function readable(tx: Tx, p: Viewer, caseId: string) {
  const k = await readableCaseRow(tx.kysely, p, caseId);
  if (!k) throw casesErrors.create('cases.not_found');
  return k;
}

async function isMember(db: Kysely<Database>, caseId: string, userId: string) {
  return (
    (await db
      .selectFrom('case_member')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst()) !== undefined
  );
}

/** 捜査班: the officers of other units on the case, in the order they joined. */
export async function membersOfCase(db: Kysely<Database>, caseId: string) {
  const rows = await db
    .selectFrom('case_member as m')
    .innerJoin('app_user as a', 'a.id', 'm.user_id')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .select(['m.user_id', 'a.display_name', 'u.name as unit_name', 'u.name_en as unit_name_en', 'm.added_at'])
    .where('m.case_id', '=', caseId)
    .orderBy('m.added_at')
    .orderBy('a.display_name')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.display_name,
    unitName: r.unit_name,
    unitNameEn: r.unit_name_en,
    addedAt: r.added_at,
  }));
}

/**
 * Who may be put on a case's team: active officers who read cases, of units other than the owning unit
 * (its own officers read the case already), not yet on it. Bounded: a prefecture has thousands of
 * officers, and the picker filters by name as it is typed.
 */
export async function memberChoices(db: Kysely<Database>, p: Caller, caseId: string, q: string | undefined) {
  const k = await readableCaseRow(db, p, caseId);
  if (!k || !mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.not_found');
  let query = db
    .selectFrom('app_user as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.display_name', 'u.name as unit_name', 'u.name_en as unit_name_en'])
    .where('a.disabled', '=', 0)
    .where('a.role', 'in', teamRoles)
    .where('a.unit_id', '<>', k.owning_unit_id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('case_member as m').select('m.user_id').where('m.case_id', '=', k.id).whereRef('m.user_id', '=', 'a.id'))),
    );
  if (q) query = query.where((e) => e.or([containsText('a.display_name', q), containsText('u.name', q)]));
  const rows = await query.orderBy('u.code').orderBy('a.display_name').limit(200).execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.display_name, unitName: r.unit_name, unitNameEn: r.unit_name_en })) };
}

/**
 * Put an officer of another unit on the case's team: they read the case through a share with
 * them (audited as access.share), see it among their cases, and are told. Only the owning unit
 * (or a prefecture-wide role) with cases.write builds the team.
 */
export async function addMember(deps: CasesDeps, ctx: RequestCtx, caseId: string, userId: string, now = new Date()) {
  const p = ctx.principal;
  return withTx(deps.db, async (tx) => {
    const k = await readable(tx, p, caseId);
    if (!mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.not_found');
    const person = await tx.kysely
      .selectFrom('app_user as a')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.unit_id', 'a.display_name', 'u.name as unit_name', 'u.name_en as unit_name_en'])
      .where('a.id', '=', userId)
      .where('a.disabled', '=', 0)
      .where('a.role', 'in', teamRoles)
      .executeTakeFirst();
    if (!person) throw casesErrors.create('cases.member_not_found', undefined, { details: [{ path: 'body.userId', message: userId }] });
    if (person.unit_id === k.owning_unit_id) throw casesErrors.create('cases.member_owning_unit');
    if (await isMember(tx.kysely, k.id, person.id)) throw casesErrors.create('cases.member_exists');
    const reason = `捜査班員（${k.case_no}）`;
    const shareId = await shareRecord(tx, ctx, { recordType: RECORD_TYPE, recordId: k.id, userId: person.id, reason }, now);
    await tx.kysely
      .insertInto('case_member')
      .values({ case_id: k.id, user_id: person.id, share_id: shareId, added_by: p.userId, added_at: now.toISOString() })
      .execute();
    await caseEvent(
      tx,
      ctx,
      k.id,
      'memberAdded',
      { detail: { name: person.display_name, unit: person.unit_name, unitEn: person.unit_name_en } },
      now,
    );
    await notifyUsers(
      tx.kysely,
      [person.id],
      {
        kind: 'cases.member',
        title: `【捜査班】${k.case_no} ${k.title}`,
        en: { title: `[Case team] ${k.case_no} ${k.title}` },
        link: `/cases/${k.id}`,
      },
      now,
    );
    await audit(tx, ctx, { action: 'cases.member.add', target: k.id, detail: { user: person.id } });
    return { userId: person.id };
  });
}

/** Take an officer off the team: the share their membership gave goes, any other grant stays. */
export async function removeMember(deps: CasesDeps, ctx: RequestCtx, caseId: string, userId: string, now = new Date()) {
  const p = ctx.principal;
  await withTx(deps.db, async (tx) => {
    const k = await readable(tx, p, caseId);
    if (!mayEditCase(p, k.owning_unit_id)) throw casesErrors.create('cases.not_found');
    const m = await tx.kysely
      .selectFrom('case_member as m')
      .innerJoin('app_user as a', 'a.id', 'm.user_id')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .select(['m.share_id', 'a.display_name', 'u.name as unit_name', 'u.name_en as unit_name_en'])
      .where('m.case_id', '=', k.id)
      .where('m.user_id', '=', userId)
      .executeTakeFirst();
    if (!m) throw casesErrors.create('cases.member_absent');
    await tx.kysely.deleteFrom('case_member').where('case_id', '=', k.id).where('user_id', '=', userId).execute();
    await unshareRecord(tx, ctx, {
      recordType: RECORD_TYPE,
      recordId: k.id,
      shareId: m.share_id,
      reason: `捜査班から解除（${k.case_no}）`,
    });
    await caseEvent(tx, ctx, k.id, 'memberRemoved', { detail: { name: m.display_name, unit: m.unit_name, unitEn: m.unit_name_en } }, now);
    await audit(tx, ctx, { action: 'cases.member.remove', target: k.id, detail: { user: userId } });
  });
}

/** Who records notes on a case: its own unit (or a prefecture-wide role) and its team, with cases.write. */
export async function mayNote(db: Kysely<Database>, p: Caller, k: { id: string; owning_unit_id: string }) {
  if (mayEditCase(p, k.owning_unit_id)) return true;
  return p.permissions.has('cases.write') && (await isMember(db, k.id, p.userId));
}

/**
 * A note on the case's timeline (捜査メモ). The values in it (phones, accounts, URLs) become the
 * case's sightings with the narrative's, in the same transaction, so they correlate at once.
 */
export async function addNote(deps: CasesDeps, ctx: RequestCtx, caseId: string, text: string, now = new Date()) {
  const p = ctx.principal;
  await withTx(deps.db, async (tx) => {
    const k = await readable(tx, p, caseId);
    if (!(await mayNote(tx.kysely, p, k))) throw casesErrors.create('cases.note_forbidden');
    await caseEvent(tx, ctx, k.id, 'note', { text }, now);
    await refreshCaseSightings(tx, deps, { id: k.id, owningUnitId: k.owning_unit_id }, k.narrative);
    await audit(tx, ctx, { action: 'cases.note.create', target: k.id, change: { text } });
  });
}

import { randomUUID } from 'node:crypto';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { type AuditCtx, actorOf } from '../audit/audit.context.js';
import { audit } from '../audit/audit.writer.js';
import type { Database } from '../db/db.schema.js';
import type { Tx } from '../db/db.tx.js';
import type { Principal } from '../http/http.principal.js';
import './access.tables.js';

/**
 * Need-to-know, enforced in SQL. A record is readable by its owning unit, by units and people it
 * was shared with (escalation, case membership, explicit share), and by roles with
 * prefecture-wide scope. Every list, count, search, export and correlation of records adds this
 * predicate to its WHERE clause, so nothing unreadable is ever fetched and filtered afterwards.
 */
export interface RecordRef {
  /** Record type as stored in record_share (`consultation`, `case`, …)… */
  type?: string;
  /** …or, for tables that mix record types (sightings, clusters), the column that holds it. */
  typeColumn?: string;
  /** Qualified column holding the record id, e.g. `consultation.id`. */
  idColumn: string;
  /** Qualified column holding the owning unit, e.g. `consultation.owning_unit_id`. */
  ownerUnitColumn: string;
}

export function readableBy(p: Pick<Principal, 'scope' | 'unitId' | 'userId'>, ref: RecordRef): Expression<SqlBool> {
  return ownerOrShare(p, ref, false);
}

/** Prefecture-wide, the owning unit, or a share with the caller's unit or person (that allows reveal). */
function ownerOrShare(p: Pick<Principal, 'scope' | 'unitId' | 'userId'>, ref: RecordRef, reveal: boolean): Expression<SqlBool> {
  if (p.scope === 'prefecture') return sql<SqlBool>`1 = 1`;
  if (p.scope === 'none') return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.ref(ref.ownerUnitColumn)} = ${p.unitId} or exists (
    select 1 from record_share rs
    where rs.record_type = ${ref.typeColumn ? sql.ref(ref.typeColumn) : (ref.type ?? '')} and rs.record_id = ${sql.ref(ref.idColumn)}
      ${reveal ? sql`and rs.allow_reveal = 1` : sql``} and (rs.unit_id = ${p.unitId} or rs.user_id = ${p.userId})))`;
}

/**
 * Who may reveal a record's personal fields in full (still with a reason, audited): its owning
 * unit, prefecture-wide roles, and units or people it was shared with *and* allowed to reveal.
 * A share to read and search grants no reveal by itself.
 */
export function revealableBy(p: Pick<Principal, 'scope' | 'unitId' | 'userId'>, ref: RecordRef): Expression<SqlBool> {
  return ownerOrShare(p, ref, true);
}

/**
 * Need-to-know inside search indexes. A record's document carries access tags (its owning unit,
 * and each unit or person it is shared with); a unit-scoped reader's query requires one of
 * theirs, so the index itself returns only what they may read and stops at a page of them.
 * The SQL predicate above still applies to every row: the tags make search fast, not safe.
 * Tags are letters and digits longer than any search token, so no query can match one.
 */
const hex = (id: string) => id.replace(/[^0-9a-zA-Z]/g, '').toLowerCase();
export const ownerTag = (unitId: string) => `acco${hex(unitId)}`;
const unitShareTag = (unitId: string) => `accs${hex(unitId)}`;
const userShareTag = (userId: string) => `accp${hex(userId)}`;

/** Tags a unit-scoped reader's search must match one of; null for prefecture-wide readers. */
export function viewerTags(p: Pick<Principal, 'scope' | 'unitId' | 'userId'>): string[] | null {
  if (p.scope === 'prefecture') return null;
  if (p.scope === 'none') return [];
  return [ownerTag(p.unitId), unitShareTag(p.unitId), userShareTag(p.userId)];
}

/** Tags to index with a record: its owner and everyone it was shared with. */
export async function recordTags(db: Kysely<Database>, recordType: string, recordId: string, ownerUnitId: string): Promise<string[]> {
  const shares = await db
    .selectFrom('record_share')
    .select(['unit_id', 'user_id'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();
  return [ownerTag(ownerUnitId), ...shares.map((s) => (s.unit_id ? unitShareTag(s.unit_id) : userShareTag(s.user_id as string)))];
}

export interface ShareInput {
  recordType: string;
  recordId: string;
  unitId?: string;
  userId?: string;
  reason: string;
  /** Also grant revealing the record's personal fields (see revealableBy); false unless said. */
  allowReveal?: boolean;
}

/** Grant a unit or a person read access to one record; audited in the caller's transaction. Returns the share's id. */
export async function shareRecord(tx: Tx, ctx: AuditCtx, s: ShareInput, now = new Date()): Promise<string> {
  const actor = actorOf(ctx);
  if (!s.unitId === !s.userId) throw new Error('share with exactly one unit or one user');
  const id = randomUUID();
  await tx.kysely
    .insertInto('record_share')
    .values({
      id,
      record_type: s.recordType,
      record_id: s.recordId,
      unit_id: s.unitId ?? null,
      user_id: s.userId ?? null,
      reason: s.reason,
      created_by: actor?.userId ?? 'system',
      created_at: now.toISOString(),
      ...(s.allowReveal ? { allow_reveal: 1 } : {}),
    })
    .execute();
  await audit(tx, ctx, {
    action: 'access.share',
    target: { type: s.recordType, id: s.recordId },
    reason: s.reason,
    detail: { ...(s.unitId ? { unit: s.unitId } : { user: s.userId as string }), ...(s.allowReveal ? { allowReveal: true } : {}) },
  });
  return id;
}

/**
 * Withdraw one share by its id (the one a domain granted for its own reason, e.g. case
 * membership), leaving any other grant the unit or person holds; audited in the caller's
 * transaction. A record's search tags are the domain's to refresh.
 */
export async function unshareRecord(tx: Tx, ctx: AuditCtx, s: { recordType: string; recordId: string; shareId: string; reason: string }) {
  const gone = await tx.kysely
    .deleteFrom('record_share')
    .where('id', '=', s.shareId)
    .where('record_type', '=', s.recordType)
    .where('record_id', '=', s.recordId)
    .returning(['unit_id', 'user_id'])
    .executeTakeFirst();
  if (!gone) return;
  await audit(tx, ctx, {
    action: 'access.unshare',
    target: { type: s.recordType, id: s.recordId },
    reason: s.reason,
    detail: gone.unit_id ? { unit: gone.unit_id } : { user: gone.user_id as string },
  });
}

/**
 * The readable set split into disjoint parts that each have an index to walk. As one predicate
 * (`owner = unit OR EXISTS share`) it kept the (owner, time) index out of use, and a station's
 * list grew with the whole prefecture (325 ms at 1M records, measured). Owned records are found
 * by that index; records shared with a unit or person are few and fetched by id.
 */
export type ReadablePart = { kind: 'all' } | { kind: 'owned'; unitId: string } | { kind: 'shared'; ids: string[] | null };

/** Beyond this many shared records the shared part is an EXISTS again rather than an id list. */
const SHARED_ID_LIST_MAX = 5000;

export async function readableParts(
  db: Kysely<Database>,
  p: Pick<Principal, 'scope' | 'unitId' | 'userId'>,
  recordType: string,
): Promise<ReadablePart[]> {
  if (p.scope === 'prefecture') return [{ kind: 'all' }];
  if (p.scope === 'none') return [];
  const shared = await db
    .selectFrom('record_share')
    .select('record_id')
    .distinct()
    .where('record_type', '=', recordType)
    .where((eb) => eb.or([eb('unit_id', '=', p.unitId), eb('user_id', '=', p.userId)]))
    .limit(SHARED_ID_LIST_MAX + 1)
    .execute();
  const owned: ReadablePart = { kind: 'owned', unitId: p.unitId };
  if (shared.length === 0) return [owned];
  return [owned, { kind: 'shared', ids: shared.length > SHARED_ID_LIST_MAX ? null : shared.map((s) => s.record_id) }];
}

/** The predicate of one part on a record table (`ref` as for readableBy). */
export function partPredicate(part: ReadablePart, p: Pick<Principal, 'scope' | 'unitId' | 'userId'>, ref: RecordRef): Expression<SqlBool> {
  if (part.kind === 'all') return sql<SqlBool>`1 = 1`;
  const owner = sql.ref(ref.ownerUnitColumn);
  if (part.kind === 'owned') return sql<SqlBool>`${owner} = ${part.unitId}`;
  const notOwned = sql<SqlBool>`${owner} <> ${p.unitId}`;
  if (part.ids === null) return sql<SqlBool>`(${notOwned} and ${readableBy(p, ref)})`;
  return sql<SqlBool>`(${notOwned} and ${sql.ref(ref.idColumn)} in (${sql.join(part.ids)}))`;
}

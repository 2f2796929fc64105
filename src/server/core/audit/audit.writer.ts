import { createHash, randomUUID } from 'node:crypto';
import { type AuditAction, auditActions, isAuditAction } from '../../../contracts/audit.contracts.js';
import { lockForAppend } from '../db/db.dialect.js';
import type { AuditEventTable } from '../db/db.schema.js';
import type { Tx } from '../db/db.tx.js';
import { type AuditCtx, actorOf } from './audit.context.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What happened, in the words of the catalogue. The actor and request come from the context. */
export interface AuditEventInput {
  action: AuditAction;
  /**
   * The target's id; its type is the action's catalogue `target`. Actions catalogued with target
   * `record` (sharing) name the type too, since they act on any domain's records. An action on
   * a kind as a whole (an export of consultations) gives the type with a null id.
   */
  target?: string | { type: string; id: string | null };
  reason?: string;
  /** What changed; only its SHA-256 digest is stored, so personal data never lands in the trail. */
  change?: unknown;
  /** Small, non-personal facts (counts, field names), stored as JSON. */
  detail?: Record<string, string | number | boolean>;
  /** Success unless told: failed and refused attempts (a wrong password) are audited too. */
  outcome?: 'success' | 'failure' | 'denied';
}

function targetOf(e: AuditEventInput): { type: string | null; id: string | null } {
  if (e.target === undefined) return { type: null, id: null };
  const type = auditActions[e.action].target;
  if (typeof e.target === 'object') {
    if (type !== 'record' && e.target.type !== type) throw new Error(`audit action ${e.action} targets ${type}, not ${e.target.type}`);
    return e.target;
  }
  if (type === null || type === 'record') throw new Error(`audit action ${e.action} takes no target id alone`);
  return { type, id: e.target };
}

/** An event made with an API token names the token and who minted it: the owner is not always the one acting. */
function tokenDetail(ctx: AuditCtx): Record<string, string> {
  if (!('principal' in ctx) || !ctx.principal.apiTokenId) return {};
  return { tokenId: ctx.principal.apiTokenId, tokenMintedBy: ctx.principal.apiTokenMintedBy ?? 'unknown' };
}

type Row = Omit<AuditEventTable, 'seq'>;

/** The fields covered by the chain, in a fixed order, so any edit of a stored row changes its hash. */
export function chainedContent(r: Omit<Row, 'hash'>): string {
  return JSON.stringify([
    r.id,
    r.occurred_at,
    r.actor_user_id,
    r.actor_unit_id,
    r.actor_role,
    r.action,
    r.target_type,
    r.target_id,
    r.reason,
    r.request_id,
    r.client_ip,
    r.outcome,
    r.change_digest,
    r.detail,
    r.prev_hash,
  ]);
}

export function chainHash(r: Omit<Row, 'hash'>): string {
  return createHash('sha256').update(chainedContent(r)).digest('hex');
}

function digest(change: unknown): string | null {
  if (change === undefined) return null;
  return createHash('sha256').update(JSON.stringify(change)).digest('hex');
}

/**
 * Append one audit event. It takes the transaction that makes the change, so the event exists
 * exactly when the change does. An action missing from the catalogue is refused: the compiler
 * refuses a literal, and this refuses a string built at run time.
 */
export async function audit(tx: Tx, ctx: AuditCtx, e: AuditEventInput, now = new Date()): Promise<string> {
  if (!isAuditAction(e.action)) throw new Error(`audit action not in the catalogue: ${e.action}`);
  await lockForAppend(tx, 'audit_event');
  const last = await tx.kysely.selectFrom('audit_event').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const actor = actorOf(ctx);
  const target = targetOf(e);
  const detail = { ...e.detail, ...tokenDetail(ctx) };
  const base: Omit<Row, 'hash'> = {
    id: randomUUID(),
    // Millisecond ISO strings compare the same way on both engines.
    occurred_at: now.toISOString(),
    actor_user_id: actor?.userId ?? null,
    actor_unit_id: actor?.unitId ?? null,
    actor_role: actor?.role ?? null,
    action: e.action,
    target_type: target.type,
    target_id: target.id,
    reason: e.reason ?? null,
    request_id: ctx.requestId ?? null,
    client_ip: ctx.clientIp ?? null,
    outcome: e.outcome ?? 'success',
    change_digest: digest(e.change),
    detail: Object.keys(detail).length > 0 ? JSON.stringify(detail) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row: Row = { ...base, hash: chainHash(base) };
  await tx.kysely.insertInto('audit_event').values(row).execute();
  return row.id;
}

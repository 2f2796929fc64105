import { createHash, randomUUID } from 'node:crypto';
import { type AuditAction, auditActions, isAuditAction } from '../../../contracts/audit.contracts.js';
import { lockForAppend } from '../db/db.dialect.js';
import type { AuditEventTable } from '../db/db.schema.js';
import type { Tx } from '../db/db.tx.js';
import { auditErrors } from './audit.anchor.js';
import { type AuditAnchor, anchorOf, chainHash, GENESIS_HASH, keyedHash } from './audit.chain.js';
import { type AuditCtx, actorOf } from './audit.context.js';

export { chainedContent, chainHash, GENESIS_HASH } from './audit.chain.js';

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

function digest(change: unknown): string | null {
  if (change === undefined) return null;
  return createHash('sha256').update(JSON.stringify(change)).digest('hex');
}

/**
 * Append one audit event. It takes the transaction that makes the change, so the event exists
 * exactly when the change does. An action missing from the catalogue is refused: the compiler
 * refuses a literal, and this refuses a string built at run time.
 *
 * The event is checked and built now, and chained at the end of the transaction (`beforeCommit`):
 * chaining reads the last event and so must hold the chain's lock — on PostgreSQL every writer's —
 * until the commit. Taken at the end, the lock is held for the append and the commit only, not
 * for whatever the save does after it audits (correlation, escalation rules, notifications).
 */
export async function audit(tx: Tx, ctx: AuditCtx, e: AuditEventInput, now = new Date()): Promise<string> {
  if (!isAuditAction(e.action)) throw new Error(`audit action not in the catalogue: ${e.action}`);
  const actor = actorOf(ctx);
  const target = targetOf(e);
  const detail = { ...e.detail, ...tokenDetail(ctx) };
  const event: Omit<Row, 'hash' | 'key_id' | 'prev_hash'> = {
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
  };
  let queue = pending.get(tx);
  if (!queue) {
    const events: (typeof event)[] = [];
    queue = events;
    pending.set(tx, events);
    tx.beforeCommit(() => appendAll(tx, events));
  }
  queue.push(event);
  return event.id;
}

/** Events audited in a transaction and not yet chained, in the order they were audited. */
const pending = new WeakMap<Tx, Omit<Row, 'hash' | 'key_id' | 'prev_hash'>[]>();

async function appendAll(tx: Tx, events: Omit<Row, 'hash' | 'key_id' | 'prev_hash'>[]): Promise<void> {
  await lockForAppend(tx, 'audit_event');
  const last = await tx.kysely
    .selectFrom('audit_event')
    .select(['seq', 'hash', 'key_id'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const anchor = anchorOf(tx);
  if (anchor) await refuseBehindCheckpoint(tx, anchor, last ? { seq: Number(last.seq), hash: last.hash } : null);
  // Without keys bound (tests of other parts, tools) only a chain that was never keyed may grow:
  // an unkeyed row after a keyed one would be the forgery verification looks for.
  if (!anchor && last?.key_id) throw new Error('the audit chain is keyed: bind the audit keys before appending');
  const keyId = anchor?.keys.activeId ?? null;
  let prev = last?.hash ?? GENESIS_HASH;
  const rows: Row[] = [];
  for (const event of events) {
    const base: Omit<Row, 'hash' | 'key_id'> = { ...event, prev_hash: prev };
    const hash = keyId && anchor ? keyedHash(anchor.keys, keyId, base) : chainHash(base);
    if (!hash) throw new Error(`audit key ${keyId} is not in the keyring`);
    rows.push({ ...base, hash, key_id: keyId });
    prev = hash;
  }
  // One statement per event, in order: seq follows the chain.
  for (const row of rows) await tx.kysely.insertInto('audit_event').values(row).execute();
  anchor?.appended();
}

/**
 * Appending to a chain that lost or rewrote events the checkpoint vouches for would bury the
 * gap under new events; refuse instead, so the damage is seen and handled (see ARCHITECTURE.md).
 */
async function refuseBehindCheckpoint(tx: Tx, anchor: AuditAnchor, last: { seq: number; hash: string } | null): Promise<void> {
  const cp = anchor.checkpoint();
  let behind = anchor.broken() !== null;
  if (!behind && cp && cp.seq > 0) {
    if (!last || last.seq < cp.seq) behind = true;
    else if (last.seq === cp.seq) behind = last.hash !== cp.hash;
    else {
      const at = await tx.kysely.selectFrom('audit_event').select('hash').where('seq', '=', cp.seq).executeTakeFirst();
      behind = at?.hash !== cp.hash;
    }
  }
  if (behind) throw auditErrors.create('audit.chain_behind_checkpoint');
}

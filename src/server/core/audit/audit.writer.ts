import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Dialect, lockForAppend } from '../db/db.dialect.js';
import type { AuditEventTable, Database } from '../db/db.schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  userId: string;
  unitId: string;
  role: string;
}

export interface AuditInput {
  actor: AuditActor | null;
  /** Dotted verb: `auth.login`, `org.user.create`. */
  action: string;
  targetType?: string;
  targetId?: string;
  reason?: string;
  requestId?: string;
  clientIp?: string;
  outcome: 'success' | 'failure' | 'denied';
  /** What changed; only its SHA-256 digest is stored, so personal data never lands in the trail. */
  change?: unknown;
  /** Small, non-personal facts (counts, field names), stored as JSON. */
  detail?: Record<string, string | number | boolean>;
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
 * Append one audit event. Call it with the transaction that makes the change, so the event
 * exists exactly when the change does.
 */
export async function writeAudit(trx: Kysely<Database>, dialect: Dialect, input: AuditInput, now = new Date()): Promise<string> {
  await lockForAppend(trx as Kysely<unknown>, dialect, 'audit_event');
  const last = await trx.selectFrom('audit_event').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const base: Omit<Row, 'hash'> = {
    id: randomUUID(),
    // Millisecond ISO strings compare the same way on both engines.
    occurred_at: now.toISOString(),
    actor_user_id: input.actor?.userId ?? null,
    actor_unit_id: input.actor?.unitId ?? null,
    actor_role: input.actor?.role ?? null,
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    reason: input.reason ?? null,
    request_id: input.requestId ?? null,
    client_ip: input.clientIp ?? null,
    outcome: input.outcome,
    change_digest: digest(input.change),
    detail: input.detail ? JSON.stringify(input.detail) : null,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row: Row = { ...base, hash: chainHash(base) };
  await trx.insertInto('audit_event').values(row).execute();
  return row.id;
}

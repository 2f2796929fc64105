import { createHash } from 'node:crypto';
import type { AuditEventTable } from '../db/db.schema.js';
import type { Conn } from '../db/db.tx.js';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainRow = Omit<AuditEventTable, 'seq'>;

/** The fields covered by the chain, in a fixed order, so any edit of a stored row changes its hash. */
export function chainedContent(r: Omit<ChainRow, 'hash' | 'key_id'>): string {
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

/** The plain SHA-256 of rows written before the chain was keyed (`key_id` null). Anyone can recompute it. */
export function chainHash(r: Omit<ChainRow, 'hash' | 'key_id'>): string {
  return createHash('sha256').update(chainedContent(r)).digest('hex');
}

/** The head checkpoint kept outside the database (audit.checkpoint.ts writes and reads it). */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** Events in the chain up to and including `seq` (PostgreSQL sequences skip numbers on rollback). */
  rows: number;
  /** The first keyed event's sequence number: from there on an unkeyed row is a forgery. */
  keyedFrom: number | null;
  writtenAt: string;
}

/** The audit keys: HMAC under a key derived from a master key kept outside the database. */
export interface AuditKeys {
  readonly activeId: string;
  auditMac(keyId: string, data: string): string | null;
}

/** The keyed hash of a row (the key id is inside the MAC too); null when the key is not held. */
export function keyedHash(keys: AuditKeys, keyId: string, r: Omit<ChainRow, 'hash' | 'key_id'>): string | null {
  return keys.auditMac(keyId, `renkei-audit-v2\0${keyId}\0${chainedContent(r)}`);
}

/** What a row's hash should be: null when its key is unknown here. */
export function expectedHash(keys: AuditKeys | null, r: ChainRow): string | null {
  if (r.key_id === null) return chainHash(r);
  return keys ? keyedHash(keys, r.key_id, r) : null;
}

/**
 * What a database's audit trail is anchored to in this process: the keys, and the head
 * checkpoint kept outside the database. The composition root (server, CLI) binds it once per
 * open database; `audit()` and `verifyAuditChain` find it from any transaction on that database.
 */
export interface AuditAnchor {
  keys: AuditKeys;
  /** The checkpoint file, or null when this process keeps none (then truncation goes unseen). */
  file: string | null;
  /** The last checkpoint this process read or wrote; the chain's head may never fall behind it. */
  checkpoint(): Checkpoint | null;
  /** Why appends are refused (the chain lost or rewrote checkpointed events), or null. */
  broken(): string | null;
  /** An event was appended: write a new checkpoint once the transaction committed. */
  appended(): void;
}

// Keyed by the connection's dialect object: every `Db` opened gets its own, and a transaction
// (`withTx`) carries the same one, so the anchor follows the database without a global.
const anchors = new WeakMap<object, AuditAnchor>();

export function bindAuditAnchor(db: Conn, anchor: AuditAnchor): void {
  anchors.set(db.dialect, anchor);
}

export function anchorOf(conn: Conn): AuditAnchor | null {
  return anchors.get(conn.dialect) ?? null;
}

import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AuditKeys, Checkpoint } from './audit.chain.js';

/**
 * The audit head checkpoint: the last sequence number, its hash and the number of events up to
 * it, kept in a small file outside the database (`<dataDir>/renkei.audit-head.json` unless
 * RENKEI_AUDIT_HEAD_FILE says otherwise) and MAC'd with the audit key. Someone who can only
 * change the database cannot move it back, so deleting the newest events shows as a gap.
 */
export type { Checkpoint } from './audit.chain.js';

const fileSchema = z.object({
  v: z.literal(1),
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  rows: z.number().int().nonnegative(),
  keyedFrom: z.number().int().positive().nullable(),
  writtenAt: z.string(),
  keyId: z.string(),
  mac: z.string(),
});

function macOf(keys: AuditKeys, keyId: string, c: Checkpoint): string | null {
  return keys.auditMac(keyId, `renkei-audit-head-v1\0${JSON.stringify([c.seq, c.hash, c.rows, c.keyedFrom, c.writtenAt])}`);
}

export type CheckpointRead = { state: 'missing' } | { state: 'invalid'; reason: string } | { state: 'ok'; checkpoint: Checkpoint };

export function readCheckpoint(file: string, keys: AuditKeys): CheckpointRead {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'invalid', reason: (e as Error).message };
  }
  const parsed = fileSchema.safeParse(
    (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success) return { state: 'invalid', reason: 'not a checkpoint file' };
  const { v: _v, keyId, mac, ...checkpoint } = parsed.data;
  const expected = macOf(keys, keyId, checkpoint);
  if (expected === null) return { state: 'invalid', reason: `unknown key ${keyId}` };
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(mac, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { state: 'invalid', reason: 'MAC mismatch' };
  return { state: 'ok', checkpoint };
}

/** Replace the file atomically (temporary file, fsync, rename), readable by the owner only. */
export function writeCheckpoint(file: string, keys: AuditKeys, c: Checkpoint): void {
  const mac = macOf(keys, keys.activeId, c);
  if (mac === null) throw new Error(`audit key ${keys.activeId} is not in the keyring`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify({ v: 1, ...c, keyId: keys.activeId, mac }, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

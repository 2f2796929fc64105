import type { Conn } from '../db/db.tx.js';
import { type AuditKeys, anchorOf, type ChainRow, expectedHash, GENESIS_HASH } from './audit.chain.js';
import { type Checkpoint, type CheckpointRead, readCheckpoint } from './audit.checkpoint.js';

export type ChainBreak = 'hash' | 'link' | 'unknown_key' | 'truncated' | 'checkpoint' | 'checkpoint_invalid';

export interface ChainReport {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string } | null;
  brokenAtSeq: number | null;
  reason: ChainBreak | null;
  /** Events the checkpoint vouches for that are gone from the end of the chain. */
  missing: { rows: number; fromSeq: number; toSeq: number } | null;
  /** Whether a valid checkpoint was compared: without one, deleting the newest events cannot be seen. */
  anchored: boolean;
  checkpoint: Checkpoint | null;
  /** Why the checkpoint file could not be used, when it could not. */
  checkpointProblem: string | null;
}

export interface ChainStart {
  seq: number;
  hash: string;
  rows: number;
  keyed: boolean;
}

export type WalkResult =
  | { ok: true; rows: number; head: { seq: number; hash: string } | null; keyedFrom: number | null }
  | { ok: false; rows: number; brokenAtSeq: number; reason: 'hash' | 'link' | 'unknown_key' };

/**
 * Walk the chain from `start` (genesis, or a checkpoint already trusted): every row must link to
 * the one before, carry the hash its key gives, and once a keyed row appeared every later row must
 * be keyed too (else someone rewrote the tail with the plain hash anyone can compute).
 */
export async function walkChain(
  db: Conn,
  keys: AuditKeys | null,
  start: ChainStart,
  opts: { pageSize?: number; onRow?: (seq: number, hash: string, rows: number) => void } = {},
): Promise<WalkResult> {
  let prev = start.hash;
  let lastSeq = start.seq;
  let rows = start.rows;
  let keyed = start.keyed;
  let keyedFrom: number | null = null;
  let head: { seq: number; hash: string } | null = start.seq > 0 ? { seq: start.seq, hash: start.hash } : null;
  for (;;) {
    const page = await db.kysely
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(opts.pageSize ?? 5000)
      .execute();
    if (page.length === 0) return { ok: true, rows, head, keyedFrom };
    for (const r of page) {
      const { seq: s, ...row } = r;
      const seq = Number(s);
      const broken = (reason: 'hash' | 'link' | 'unknown_key') => ({ ok: false as const, rows, brokenAtSeq: seq, reason });
      if (row.prev_hash !== prev) return broken('link');
      if (row.key_id === null && keyed) return broken('hash');
      const expected = expectedHash(keys, row as ChainRow);
      if (expected === null) return broken('unknown_key');
      if (expected !== row.hash) return broken('hash');
      if (row.key_id !== null && !keyed) {
        keyed = true;
        keyedFrom = seq;
      }
      prev = row.hash;
      lastSeq = seq;
      rows++;
      head = { seq, hash: row.hash };
      opts.onRow?.(seq, row.hash, rows);
    }
  }
}

export const GENESIS: ChainStart = { seq: 0, hash: GENESIS_HASH, rows: 0, keyed: false };

/**
 * Verify the whole trail, and compare it with the head checkpoint kept outside the database:
 * the checkpointed event must still be there with the same hash and the same number of events
 * before it, and the chain may not end before it. Keys and checkpoint default to the ones bound
 * to this database (server, CLI).
 */
export async function verifyAuditChain(
  db: Conn,
  opts: { keys?: AuditKeys | null; checkpoint?: CheckpointRead; pageSize?: number } = {},
): Promise<ChainReport> {
  const anchor = anchorOf(db);
  const keys = opts.keys !== undefined ? opts.keys : (anchor?.keys ?? null);
  const read: CheckpointRead = opts.checkpoint ?? (anchor?.file && keys ? readCheckpoint(anchor.file, keys) : { state: 'missing' });
  const cp = read.state === 'ok' ? read.checkpoint : null;
  const seen: { at: 'no' | 'same' | 'differs' } = { at: 'no' };
  const walked = await walkChain(db, keys, GENESIS, {
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
    onRow(seq, hash, rows) {
      if (cp && seen.at === 'no' && seq >= cp.seq) seen.at = seq === cp.seq && hash === cp.hash && rows === cp.rows ? 'same' : 'differs';
    },
  });
  const base = {
    rows: walked.rows,
    head: walked.ok ? walked.head : null,
    anchored: cp !== null,
    checkpoint: cp,
    checkpointProblem: read.state === 'invalid' ? read.reason : null,
    missing: null,
  };
  if (!walked.ok) return { ...base, ok: false, brokenAtSeq: walked.brokenAtSeq, reason: walked.reason };
  if (read.state === 'invalid') return { ...base, ok: false, brokenAtSeq: null, reason: 'checkpoint_invalid' };
  if (!cp || cp.seq === 0) return { ...base, ok: true, brokenAtSeq: null, reason: null };
  if (seen.at === 'differs') return { ...base, ok: false, brokenAtSeq: cp.seq, reason: 'checkpoint' };
  if (seen.at === 'no') {
    const fromSeq = (walked.head?.seq ?? 0) + 1;
    return {
      ...base,
      ok: false,
      brokenAtSeq: fromSeq,
      reason: 'truncated',
      missing: { rows: Math.max(cp.rows - walked.rows, 1), fromSeq, toSeq: cp.seq },
    };
  }
  if (cp.keyedFrom !== null && walked.keyedFrom !== cp.keyedFrom) {
    return { ...base, ok: false, brokenAtSeq: cp.keyedFrom, reason: 'hash' };
  }
  return { ...base, ok: true, brokenAtSeq: null, reason: null };
}

/** One line for people, Japanese then English, saying what is wrong and where. */
export function describeChainReport(r: ChainReport): string {
  if (r.ok) {
    const anchored = r.anchored
      ? `チェックポイント（連番 ${r.checkpoint?.seq}）と一致 / matches the checkpoint at seq ${r.checkpoint?.seq}`
      : 'チェックポイントがないため末尾の削除は検出できません / no checkpoint: deleting the newest events cannot be detected';
    return `監査ログは改ざんされていません（${r.rows} 件、${anchored}）/ audit chain intact (${r.rows} events)`;
  }
  const at = r.brokenAtSeq;
  switch (r.reason) {
    case 'truncated': {
      const m = r.missing as NonNullable<ChainReport['missing']>;
      return `監査ログの末尾の ${m.rows} 件（連番 ${m.fromSeq}〜${m.toSeq}）が失われています / the last ${m.rows} events (seq ${m.fromSeq}–${m.toSeq}) are missing`;
    }
    case 'checkpoint':
      return `連番 ${at} の記録がチェックポイントと一致しません（それ以前の記録の削除または書き換え）/ the event at seq ${at} does not match the checkpoint (events deleted or rewritten)`;
    case 'checkpoint_invalid':
      return `チェックポイントファイルを検証できません（${r.checkpointProblem}）/ the checkpoint file does not verify (${r.checkpointProblem})`;
    case 'unknown_key':
      return `連番 ${at} の鍵がありません（監査ログが使う鍵は削除できません）/ the key for seq ${at} is missing`;
    case 'link':
      return `監査ログの改ざんを検出しました: 連番 ${at} の直前で記録が削除または挿入されています / chain broken at seq ${at} (link)`;
    default:
      return `監査ログの改ざんを検出しました: 連番 ${at} の内容が変更されています / chain broken at seq ${at} (hash)`;
  }
}

import type { Conn } from '../db/db.tx.js';
import { defineErrors } from '../errors/app-error.js';
import type { Logger } from '../log/logger.js';
import { type AuditAnchor, type AuditKeys, bindAuditAnchor } from './audit.chain.js';
import { type Checkpoint, readCheckpoint, writeCheckpoint } from './audit.checkpoint.js';
import { walkChain } from './audit.verify.js';

export const auditErrors = defineErrors({
  'audit.chain_behind_checkpoint': {
    status: 503,
    ja: '監査ログが外部のチェックポイントより後退しています（記録の削除または書き換え）。監査ログを伴う操作を停止しました。管理者は renkei audit verify を実行してください。',
    en: 'The audit trail is behind its checkpoint (events deleted or rewritten). Operations that write the trail are stopped; an administrator must run renkei audit verify.',
  },
});

export interface RunningAnchor extends AuditAnchor {
  /** Read the checkpoint (or create one at the current head) and check the chain extends it. */
  start(): Promise<void>;
  /** Check the events appended since the checkpoint and move the checkpoint to the new head. */
  flush(): Promise<void>;
}

async function headOf(db: Conn): Promise<{ seq: number; hash: string; rows: number } | null> {
  const r = await db.kysely
    .selectFrom('audit_event')
    .select((e) => [e.fn.max('seq').as('seq'), e.fn.countAll().as('n')])
    .executeTakeFirst();
  if (!r?.seq) return null;
  const h = await db.kysely.selectFrom('audit_event').select('hash').where('seq', '=', Number(r.seq)).executeTakeFirstOrThrow();
  return { seq: Number(r.seq), hash: h.hash, rows: Number(r.n) };
}

/**
 * Anchor the audit trail of `db` to `file`: after events are appended (and on a timer) the
 * events since the last checkpoint are verified and the checkpoint moves to the new head. If the
 * chain no longer extends the checkpoint (events deleted from the end, or rewritten), the
 * checkpoint stays where it is, the error is logged, and `audit()` refuses to append (see the
 * documentation for why refusing beats carrying on).
 */
export function createAuditAnchor(deps: { db: Conn; keys: AuditKeys; file: string | null; logger: Logger }): RunningAnchor {
  const { db, keys, file, logger } = deps;
  let current: Checkpoint | null = null;
  let problem: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const report = (p: string | null) => {
    if (p && p !== problem)
      logger.error({ problem: p, checkpoint: current }, 'audit trail does not extend its checkpoint: appends refused');
    problem = p;
  };

  async function advance(): Promise<void> {
    if (!file) return;
    const read = readCheckpoint(file, keys);
    if (read.state === 'invalid') return report(`checkpoint file invalid: ${read.reason}`);
    // The file is the authority (MAC'd, outside the database): another process (the CLI, a
    // second server on this host) may have moved it.
    if (read.state === 'ok' && (!current || read.checkpoint.seq >= current.seq)) current = read.checkpoint;
    if (!current) {
      const head = await headOf(db);
      current = {
        seq: head?.seq ?? 0,
        hash: head?.hash ?? '',
        rows: head?.rows ?? 0,
        keyedFrom: null,
        writtenAt: new Date().toISOString(),
      };
      writeCheckpoint(file, keys, current);
      logger.warn({ file, seq: current.seq }, 'audit checkpoint created at the current head: run renkei audit verify once');
    }
    const cp = current;
    let start = { seq: 0, hash: '0'.repeat(64), rows: 0, keyed: false };
    if (cp.seq > 0) {
      const at = await db.kysely.selectFrom('audit_event').select(['hash', 'key_id']).where('seq', '=', cp.seq).executeTakeFirst();
      if (!at) return report(`the checkpointed event ${cp.seq} is gone`);
      if (at.hash !== cp.hash) return report(`the checkpointed event ${cp.seq} was rewritten`);
      start = { seq: cp.seq, hash: cp.hash, rows: cp.rows, keyed: cp.keyedFrom !== null || at.key_id !== null };
    }
    const walked = await walkChain(db, keys, start);
    if (!walked.ok) return report(`chain broken at seq ${walked.brokenAtSeq} (${walked.reason})`);
    report(null);
    if (!walked.head || walked.head.seq === cp.seq) return;
    // Another process may have written a newer checkpoint meanwhile: never move the file back.
    const again = readCheckpoint(file, keys);
    if (again.state === 'ok' && again.checkpoint.seq > walked.head.seq) return;
    current = {
      seq: walked.head.seq,
      hash: walked.head.hash,
      rows: walked.rows,
      keyedFrom: cp.keyedFrom ?? walked.keyedFrom,
      writtenAt: new Date().toISOString(),
    };
    writeCheckpoint(file, keys, current);
  }

  const flush = async (): Promise<void> => {
    // One at a time; a flush asked for while one runs follows it.
    while (running) await running;
    running = advance()
      .catch((e) => logger.error({ err: e }, 'audit checkpoint failed'))
      .finally(() => {
        running = null;
      });
    await running;
  };

  const anchor: RunningAnchor = {
    keys,
    file,
    checkpoint: () => current,
    broken: () => problem,
    appended() {
      if (!file || timer) return;
      // After the appending transaction has committed (SQLite: the one connection is free again).
      timer = setTimeout(() => {
        timer = null;
        void flush();
      }, 20);
      timer.unref();
    },
    start: flush,
    flush,
  };
  bindAuditAnchor(db, anchor);
  return anchor;
}

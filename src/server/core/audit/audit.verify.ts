import type { Db } from '../db/db.open.js';
import { chainHash, GENESIS_HASH } from './audit.writer.js';

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenAtSeq: number; reason: 'hash' | 'link' };

/** Walk the audit trail in order and report the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let rows = 0;
  for (;;) {
    const page = await db.kysely.selectFrom('audit_event').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) return { ok: true, rows };
    for (const r of page) {
      const { seq, hash, ...rest } = r;
      if (r.prev_hash !== prev) return { ok: false, rows, brokenAtSeq: Number(seq), reason: 'link' };
      if (chainHash(rest) !== hash) return { ok: false, rows, brokenAtSeq: Number(seq), reason: 'hash' };
      prev = hash;
      lastSeq = Number(seq);
      rows++;
    }
  }
}

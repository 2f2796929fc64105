import type { Writable } from 'node:stream';
import { systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { toAuditEvent } from './audit.repository.js';

/**
 * Write the trail as JSON Lines, oldest first, page by page (constant memory). The export is
 * itself audited, before the first line is written.
 */
export async function exportAudit(
  db: Db,
  out: Writable,
  opts: { from?: string; to?: string; by: string },
  onProgress?: (n: number) => void,
): Promise<number> {
  await withTx(db, (tx) =>
    audit(tx, systemCtx, {
      action: 'audit.export',
      detail: { by: opts.by, from: opts.from ?? '', to: opts.to ?? '' },
    }),
  );
  let after = 0;
  let n = 0;
  for (;;) {
    let q = db.kysely
      .selectFrom('audit_event')
      .leftJoin('app_user', 'app_user.id', 'audit_event.actor_user_id')
      .selectAll('audit_event')
      .select('app_user.login_id as actor_login_id')
      .where('audit_event.seq', '>', after)
      .orderBy('audit_event.seq')
      .limit(2000);
    if (opts.from) q = q.where('audit_event.occurred_at', '>=', opts.from);
    if (opts.to) q = q.where('audit_event.occurred_at', '<', opts.to);
    const page = await q.execute();
    if (page.length === 0) return n;
    for (const r of page) {
      const line = `${JSON.stringify({ ...toAuditEvent(r), prevHash: r.prev_hash, hash: r.hash })}\n`;
      if (!out.write(line)) await new Promise((res) => out.once('drain', res));
      n++;
      after = Number(r.seq);
    }
    onProgress?.(n);
  }
}

import type { Db } from '../../core/db/db.open.js';
import type { SessionPolicy } from './auth.sessions.js';

/** Remove sessions past their absolute or idle expiry; they are already refused, this frees the rows. */
export async function purgeExpiredSessions(db: Db, policy: SessionPolicy, now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - policy.idleMinutes * 60_000).toISOString();
  const r = await db.kysely
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<', now.toISOString()), eb('last_seen_at', '<', idleCutoff)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

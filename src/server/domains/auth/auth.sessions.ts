import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/db.schema.js';
import { sha256 } from './auth.passwords.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** The cookie holds a random token; the database holds only its hash, so a stolen backup opens nothing. */
export const hashToken = sha256;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  policy: SessionPolicy,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; csrfToken: string; idHash: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const idHash = hashToken(token);
  await db
    .insertInto('session')
    .values({
      id_hash: idHash,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString(),
      client_ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, idHash };
}

/** The live session behind a cookie token; null when absent or expired (an expired one is deleted). */
export async function findLiveSession(db: Kysely<Database>, token: string, policy: SessionPolicy, now = new Date()) {
  const row = await db.selectFrom('session').selectAll().where('id_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() > idleLimit || now.toISOString() > row.expires_at) {
    await db.deleteFrom('session').where('id_hash', '=', row.id_hash).execute();
    return null;
  }
  // Touch at most once a minute: an idle timeout needs minute precision, not a write per request.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('session').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', row.id_hash).execute();
  }
  return row;
}

export async function deleteSession(db: Kysely<Database>, idHash: string, userId?: string): Promise<number> {
  let q = db.deleteFrom('session').where('id_hash', '=', idHash);
  if (userId) q = q.where('user_id', '=', userId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listUserSessions(db: Kysely<Database>, userId: string) {
  return db.selectFrom('session').selectAll().where('user_id', '=', userId).orderBy('last_seen_at', 'desc').execute();
}

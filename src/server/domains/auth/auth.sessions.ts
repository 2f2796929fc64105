import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/db.schema.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** The cookie holds a random token; the database holds only its hash, so a stolen backup opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

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

/** The live session behind a cookie token, with its user and unit; null when absent or expired. */
export async function findLiveSession(db: Kysely<Database>, token: string, policy: SessionPolicy, now = new Date()) {
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .select([
      'session.id_hash',
      'session.csrf_token',
      'session.last_seen_at',
      'session.expires_at',
      'app_user.id as user_id',
      'app_user.login_id',
      'app_user.display_name',
      'app_user.role',
      'app_user.disabled',
      'app_user.unit_id',
      'unit.name as unit_name',
    ])
    .where('session.id_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled) return null;
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

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { API_TOKEN_PREFIX, type ApiToken } from '../../../contracts/auth.contracts.js';
import { type Permission, permissions, permissionsOf } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';
import { json, toJson } from '../../core/db/db.decode.js';
import type { Database } from '../../core/db/db.schema.js';
import { authErrors } from './auth.errors.js';
import { sha256 } from './auth.passwords.js';
import type { ApiTokenTable } from './auth.tables.js';

export function toApiToken(r: ApiTokenTable): ApiToken {
  return {
    id: r.id,
    name: r.name,
    scopes: json<string[]>(r.scopes),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/** A token can carry only permissions its owner's role holds. */
export function validateScopes(role: Role, scopes: string[]): Permission[] {
  const allowed = new Set<string>(permissionsOf(role));
  for (const s of scopes) {
    if (!(s in permissions) || !allowed.has(s)) throw authErrors.create('auth.token_scope_invalid', { scope: s });
  }
  return [...new Set(scopes)] as Permission[];
}

export async function insertApiToken(
  db: Kysely<Database>,
  input: { userId: string; createdBy: string; name: string; scopes: Permission[]; expiresInDays: number },
  now = new Date(),
): Promise<{ token: string; row: ApiTokenTable }> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row: ApiTokenTable = {
    id: randomUUID(),
    user_id: input.userId,
    name: input.name,
    token_hash: sha256(token),
    scopes: toJson(input.scopes),
    created_by: input.createdBy,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_token').values(row).execute();
  return { token, row };
}

/** The live token behind a bearer value, or null (unknown, revoked, expired). */
export async function findLiveToken(db: Kysely<Database>, token: string, now = new Date()) {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
  const row = await db.selectFrom('api_token').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at || row.expires_at <= now.toISOString()) return null;
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_token').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return row;
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_token').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(toApiToken);
}

/** Revoke every live token of an account (its password changed); returns how many. */
export async function revokeUserTokens(db: Kysely<Database>, userId: string, now = new Date()): Promise<number> {
  const r = await db
    .updateTable('api_token')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import { permissionsOf } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';
import { writeAudit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import type { Principal } from '../../core/http/http.principal.js';
import { findUserForLogin } from '../org/index.js';
import { authErrors } from './auth.errors.js';
import { dummyHash, verifyPassword } from './auth.passwords.js';
import { createSession, deleteSession, findLiveSession, type SessionPolicy } from './auth.sessions.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export async function login(
  db: Db,
  policy: SessionPolicy,
  input: { loginId: string; password: string },
  client: ClientInfo,
): Promise<{ token: string; info: SessionInfo }> {
  const user = await findUserForLogin(db.kysely, input.loginId);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.disabled) {
    // The event names the attempted login ID only when it exists, so the trail is no account oracle either.
    await db.kysely.transaction().execute((trx) =>
      writeAudit(trx, db.dialect, {
        actor: null,
        action: 'auth.login',
        targetType: 'user',
        targetId: user?.id,
        outcome: 'failure',
        requestId: client.requestId,
        clientIp: client.ip ?? undefined,
      }),
    );
    throw authErrors.create('auth.invalid_credentials');
  }
  const role = user.role as Role;
  return db.kysely.transaction().execute(async (trx) => {
    const s = await createSession(trx, user.id, policy, client);
    await writeAudit(trx, db.dialect, {
      actor: { userId: user.id, unitId: user.unit_id, role },
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      outcome: 'success',
      requestId: client.requestId,
      clientIp: client.ip ?? undefined,
    });
    return {
      token: s.token,
      info: {
        csrfToken: s.csrfToken,
        user: {
          id: user.id,
          loginId: user.login_id,
          displayName: user.display_name,
          role,
          unit: { id: user.unit_id, name: user.unit_name },
          permissions: [...permissionsOf(role)],
        },
      },
    };
  });
}

export async function logout(db: Db, p: Principal, client: ClientInfo): Promise<void> {
  if (!p.sessionIdHash) return;
  const idHash = p.sessionIdHash;
  await db.kysely.transaction().execute(async (trx) => {
    await deleteSession(trx, idHash);
    await writeAudit(trx, db.dialect, {
      actor: { userId: p.userId, unitId: p.unitId, role: p.role },
      action: 'auth.logout',
      targetType: 'user',
      targetId: p.userId,
      outcome: 'success',
      requestId: client.requestId,
      clientIp: client.ip ?? undefined,
    });
  });
}

/** Resolve a session cookie to a principal; any failure means anonymous. */
export async function principalFromSession(db: Db, policy: SessionPolicy, token: string): Promise<Principal | null> {
  const s = await findLiveSession(db.kysely, token, policy);
  if (!s) return null;
  const role = s.role as Role;
  return {
    userId: s.user_id,
    loginId: s.login_id,
    unitId: s.unit_id,
    role,
    permissions: new Set(permissionsOf(role)),
    csrfToken: s.csrf_token,
    sessionIdHash: s.id_hash,
    displayName: s.display_name,
    unitName: s.unit_name,
  };
}

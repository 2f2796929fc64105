import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';
import type { ActorCtx, AuditActor } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import type { Principal } from '../../core/http/http.principal.js';
import { type Account, findAccount } from '../org/index.js';
import { authErrors } from './auth.errors.js';
import { assertNotReused, checkPasswordRules, dummyHash, hashPassword, sha256, verifyPassword } from './auth.passwords.js';
import { meOf } from './auth.principal.js';
import { createSession, deleteUserSessions, newToken, type SessionPolicy } from './auth.sessions.js';
import { insertApiToken, toApiToken, validateScopes } from './auth.tokens.js';
import { checkTotp, issueRecoveryCodes, spendRecoveryCode, startTotpSetup, totpAad } from './auth.totp.js';

export interface AuthDeps {
  db: Db;
  keyring: Keyring;
  policy: SessionPolicy;
  lockout: { maxFailures: number; minutes: number };
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

const CHALLENGE_MINUTES = 5;
const CHALLENGE_ATTEMPTS = 5;

export function actorOf(p: Principal): AuditActor {
  return { userId: p.userId, unitId: p.unitId, role: p.role };
}

/** The audit context of a sign-in step: the account acting (null until one is known) and its client. */
function clientCtx(client: ClientInfo, actor: AuditActor | null): ActorCtx {
  return { actor, requestId: client.requestId, clientIp: client.ip ?? undefined };
}

export type LoginResult = { next: 'done'; token: string; info: SessionInfo } | { next: 'totp'; challenge: string };

/** Count a failed attempt; at the limit the account locks for a while and the lock is audited. */
async function recordFailure(deps: AuthDeps, a: Account, client: ClientInfo, reason: string, now: Date): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const failures = a.failed_logins + 1;
    const locks = failures >= deps.lockout.maxFailures;
    await tx.kysely
      .updateTable('app_user')
      .set(
        locks
          ? { failed_logins: 0, locked_until: new Date(now.getTime() + deps.lockout.minutes * 60_000).toISOString() }
          : { failed_logins: failures },
      )
      .where('id', '=', a.id)
      .execute();
    await audit(tx, clientCtx(client, null), {
      action: 'auth.login',
      target: a.id,
      outcome: 'failure',
      detail: { reason },
    });
    if (locks) {
      await audit(tx, clientCtx(client, null), {
        action: 'auth.lockout',
        target: a.id,
        outcome: 'success',
        detail: { minutes: deps.lockout.minutes },
      });
    }
  });
}

async function openSession(deps: AuthDeps, a: Account, client: ClientInfo, detail: Record<string, string>, now: Date) {
  return withTx(deps.db, async (tx) => {
    await tx.kysely.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', a.id).execute();
    const s = await createSession(tx.kysely, a.id, deps.policy, client, now);
    await audit(tx, clientCtx(client, { userId: a.id, unitId: a.unit_id, role: a.role }), {
      action: 'auth.login',
      target: a.id,
      outcome: 'success',
      detail,
    });
    return { next: 'done' as const, token: s.token, info: { csrfToken: s.csrfToken, user: meOf(a) } };
  });
}

export async function login(
  deps: AuthDeps,
  input: { loginId: string; password: string },
  client: ClientInfo,
  now = new Date(),
): Promise<LoginResult> {
  const a = await findAccount(deps.db.kysely, { loginId: input.loginId });
  const ok = await verifyPassword(a?.password_hash ?? (await dummyHash()), input.password);
  if (!a) {
    await withTx(deps.db, (tx) =>
      audit(tx, clientCtx(client, null), { action: 'auth.login', outcome: 'failure', detail: { reason: 'unknown_account' } }),
    );
    throw authErrors.create('auth.invalid_credentials');
  }
  const locked = a.locked_until !== null && a.locked_until > now.toISOString();
  if (a.disabled || locked || !ok) {
    if (!ok && !locked && !a.disabled) await recordFailure(deps, a, client, 'password', now);
    else
      await withTx(deps.db, (tx) =>
        audit(tx, clientCtx(client, null), {
          action: 'auth.login',
          target: a.id,
          outcome: 'denied',
          detail: { reason: a.disabled ? 'disabled' : locked ? 'locked' : 'password' },
        }),
      );
    throw authErrors.create('auth.invalid_credentials');
  }
  if (a.mfa_enabled) {
    const challenge = newToken();
    await deps.db.kysely
      .insertInto('login_challenge')
      .values({
        id_hash: sha256(challenge),
        user_id: a.id,
        expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
        attempts: 0,
      })
      .execute();
    return { next: 'totp', challenge };
  }
  return openSession(deps, a, client, { mfa: 'none' }, now);
}

/** Second step: a TOTP code (each accepted once) or a recovery code (each usable once). */
export async function loginTotp(
  deps: AuthDeps,
  input: { challenge: string; code: string },
  client: ClientInfo,
  now = new Date(),
): Promise<LoginResult> {
  const db = deps.db.kysely;
  const ch = await db.selectFrom('login_challenge').selectAll().where('id_hash', '=', sha256(input.challenge)).executeTakeFirst();
  if (!ch || ch.expires_at <= now.toISOString() || ch.attempts >= CHALLENGE_ATTEMPTS) {
    if (ch) await db.deleteFrom('login_challenge').where('id_hash', '=', ch.id_hash).execute();
    throw authErrors.create('auth.challenge_expired');
  }
  const a = await findAccount(db, { id: ch.user_id });
  if (!a || a.disabled || !a.totp_secret_enc) throw authErrors.create('auth.challenge_expired');
  const code = input.code.trim();
  let method: 'totp' | 'recovery' | null = null;
  if (/^\d{6}$/.test(code)) {
    const secret = deps.keyring.decrypt(a.totp_secret_enc, totpAad(a.id));
    const step = await checkTotp(secret, code, a.totp_last_step, now);
    if (step !== null) {
      // The conditional update is the replay guard: of two requests with one code, one wins.
      const r = await db
        .updateTable('app_user')
        .set({ totp_last_step: step })
        .where('id', '=', a.id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) method = 'totp';
    }
  } else if (await spendRecoveryCode(db, a.id, code, now)) {
    method = 'recovery';
  }
  if (!method) {
    await db
      .updateTable('login_challenge')
      .set({ attempts: ch.attempts + 1 })
      .where('id_hash', '=', ch.id_hash)
      .execute();
    await recordFailure(deps, a, client, 'totp', now);
    throw authErrors.create('auth.totp_invalid');
  }
  await db.deleteFrom('login_challenge').where('id_hash', '=', ch.id_hash).execute();
  if (method === 'recovery') {
    await withTx(deps.db, (tx) =>
      audit(tx, clientCtx(client, { userId: a.id, unitId: a.unit_id, role: a.role }), {
        action: 'auth.recovery_code_use',
        target: a.id,
        outcome: 'success',
      }),
    );
  }
  return openSession(deps, a, client, { mfa: method }, now);
}

export async function logout(deps: AuthDeps, p: Principal, client: ClientInfo): Promise<void> {
  const idHash = p.sessionIdHash;
  if (!idHash) return;
  await withTx(deps.db, async (tx) => {
    await tx.kysely.deleteFrom('session').where('id_hash', '=', idHash).execute();
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.logout',
      target: p.userId,
      outcome: 'success',
    });
  });
}

export async function logoutEverywhere(deps: AuthDeps, p: Principal, client: ClientInfo): Promise<number> {
  return withTx(deps.db, async (tx) => {
    const n = await deleteUserSessions(tx.kysely, p.userId);
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.logout_all',
      target: p.userId,
      outcome: 'success',
      detail: { sessions: n },
    });
    return n;
  });
}

export async function revokeOwnSession(deps: AuthDeps, p: Principal, idHash: string, client: ClientInfo): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const r = await tx.kysely.deleteFrom('session').where('id_hash', '=', idHash).where('user_id', '=', p.userId).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw authErrors.create('auth.not_found');
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.session_revoke',
      target: idHash.slice(0, 16),
      outcome: 'success',
    });
  });
}

/** Change one's password: policy, history, then every session ends and a fresh one begins. */
export async function changePassword(
  deps: AuthDeps,
  p: Principal,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
  now = new Date(),
): Promise<{ token: string; info: SessionInfo }> {
  const a = await findAccount(deps.db.kysely, { id: p.userId });
  if (!a) throw authErrors.create('auth.not_found');
  if (!(await verifyPassword(a.password_hash, input.currentPassword))) throw authErrors.create('auth.password_wrong_current');
  checkPasswordRules(a.login_id, input.newPassword);
  await assertNotReused(deps.db.kysely, a.id, a.password_hash, input.newPassword);
  const newHash = await hashPassword(input.newPassword);
  return withTx(deps.db, async (tx) => {
    await tx.kysely
      .insertInto('password_history')
      .values({ id: randomUUID(), user_id: a.id, password_hash: a.password_hash, created_at: now.toISOString() })
      .execute();
    await tx.kysely
      .updateTable('app_user')
      .set({ password_hash: newHash, password_changed_at: now.toISOString(), must_change_password: 0, updated_at: now.toISOString() })
      .where('id', '=', a.id)
      .execute();
    await deleteUserSessions(tx.kysely, a.id);
    const s = await createSession(tx.kysely, a.id, deps.policy, client, now);
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.password_change',
      target: a.id,
      outcome: 'success',
    });
    const updated = { ...a, must_change_password: 0 };
    return { token: s.token, info: { csrfToken: s.csrfToken, user: meOf(updated) } };
  });
}

export async function totpSetup(deps: AuthDeps, p: Principal, client: ClientInfo) {
  const a = await findAccount(deps.db.kysely, { id: p.userId });
  if (!a) throw authErrors.create('auth.not_found');
  return withTx(deps.db, async (tx) => {
    const setup = await startTotpSetup(tx.kysely, deps.keyring, a);
    await audit(tx, clientCtx(client, actorOf(p)), { action: 'auth.mfa_setup', target: a.id, outcome: 'success' });
    return setup;
  });
}

/** Confirm enrolment with a first code; returns the recovery codes, shown once. */
export async function totpConfirm(deps: AuthDeps, p: Principal, code: string, client: ClientInfo, now = new Date()): Promise<string[]> {
  const a = await findAccount(deps.db.kysely, { id: p.userId });
  if (!a?.totp_pending_enc) throw authErrors.create('auth.mfa_not_pending');
  const secret = deps.keyring.decrypt(a.totp_pending_enc, totpAad(a.id));
  const step = await checkTotp(secret, code, null, now);
  if (step === null) throw authErrors.create('auth.totp_invalid');
  return withTx(deps.db, async (tx) => {
    await tx.kysely
      .updateTable('app_user')
      .set({
        totp_secret_enc: a.totp_pending_enc,
        totp_pending_enc: null,
        totp_last_step: step,
        mfa_enabled: 1,
        updated_at: now.toISOString(),
      })
      .where('id', '=', a.id)
      .execute();
    const codes = await issueRecoveryCodes(tx.kysely, a.id, now);
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.mfa_enable',
      target: a.id,
      outcome: 'success',
    });
    return codes;
  });
}

/** Issue an API token for `ownerId` (oneself, or an administrator for a partner account). */
export async function createToken(
  deps: AuthDeps,
  p: Principal,
  ownerId: string,
  input: { name: string; scopes: string[]; expiresInDays: number },
  client: ClientInfo,
) {
  const owner = await findAccount(deps.db.kysely, { id: ownerId });
  if (!owner) throw authErrors.create('auth.not_found');
  const scopes: Permission[] = validateScopes(owner.role as Role, input.scopes);
  return withTx(deps.db, async (tx) => {
    const { token, row } = await insertApiToken(tx.kysely, {
      userId: owner.id,
      createdBy: p.userId,
      name: input.name,
      scopes,
      expiresInDays: input.expiresInDays,
    });
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.token_create',
      target: row.id,
      outcome: 'success',
      detail: { owner: owner.id, scopes: scopes.join(' '), days: input.expiresInDays },
    });
    return { token, apiToken: toApiToken(row) };
  });
}

export async function revokeToken(deps: AuthDeps, p: Principal, tokenId: string, ownOnly: boolean, client: ClientInfo): Promise<void> {
  await withTx(deps.db, async (tx) => {
    let q = tx.kysely
      .updateTable('api_token')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null);
    if (ownOnly) q = q.where('user_id', '=', p.userId);
    const r = await q.executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw authErrors.create('auth.not_found');
    await audit(tx, clientCtx(client, actorOf(p)), {
      action: 'auth.token_revoke',
      target: tokenId,
      outcome: 'success',
    });
  });
}

import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '../../../contracts/auth.contracts.js';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import type { Role } from '../../../contracts/roles.contracts.js';
import type { ActorCtx, AuditActor, RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import type { Principal } from '../../core/http/http.principal.js';
import { type Account, findAccount } from '../org/index.js';
import { authErrors } from './auth.errors.js';
import { assertNotReused, checkPasswordRules, dummyHash, hashPassword, sha256, verifyPassword } from './auth.passwords.js';
import { meOf } from './auth.principal.js';
import { checkSecondFactor, countFailure, isLocked, reauthenticate } from './auth.reauth.js';
import { createSession, deleteUserSessions, newToken, type SessionPolicy } from './auth.sessions.js';
import { insertApiToken, revokeUserTokens, toApiToken, validateScopes } from './auth.tokens.js';
import { checkTotp, issueRecoveryCodes, startTotpSetup, totpAad } from './auth.totp.js';

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

/** The audit context of a signed-in caller: its principal, so a token's id and minter are recorded too. */
function principalCtx(p: Principal, client: ClientInfo): RequestCtx {
  return { principal: p, requestId: client.requestId, clientIp: client.ip ?? undefined };
}

/** The audit context of a sign-in step: the account acting (null until one is known) and its client. */
function clientCtx(client: ClientInfo, actor: AuditActor | null): ActorCtx {
  return { actor, requestId: client.requestId, clientIp: client.ip ?? undefined };
}

export type LoginResult = { next: 'done'; token: string; info: SessionInfo } | { next: 'totp'; challenge: string };

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
  const locked = isLocked(a, now);
  if (a.disabled || locked || !ok) {
    if (!ok && !locked && !a.disabled)
      await countFailure(deps, a.id, clientCtx(client, null), { action: 'auth.login', reason: 'password' }, now);
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
  const method = await checkSecondFactor(deps, a, input.code, now);
  if (!method) {
    // Counted in the database, like login failures: parallel guesses at one challenge each count.
    await db
      .updateTable('login_challenge')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id_hash', '=', ch.id_hash)
      .execute();
    await countFailure(deps, a.id, clientCtx(client, null), { action: 'auth.login', reason: 'totp' }, now);
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
    await audit(tx, principalCtx(p, client), {
      action: 'auth.logout',
      target: p.userId,
      outcome: 'success',
    });
  });
}

export async function logoutEverywhere(deps: AuthDeps, p: Principal, client: ClientInfo): Promise<number> {
  return withTx(deps.db, async (tx) => {
    const n = await deleteUserSessions(tx.kysely, p.userId);
    await audit(tx, principalCtx(p, client), {
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
    await audit(tx, principalCtx(p, client), {
      action: 'auth.session_revoke',
      target: idHash.slice(0, 16),
      outcome: 'success',
    });
  });
}

/**
 * Change one's password: the current one first (wrong guesses count toward the lockout, so this is
 * no unlimited oracle), policy, history; then every session ends and a fresh one begins, and the
 * account's API tokens are revoked (whoever learnt the old password may have minted them).
 */
export async function changePassword(
  deps: AuthDeps,
  p: Principal,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
  now = new Date(),
): Promise<{ token: string; info: SessionInfo }> {
  const a = await findAccount(deps.db.kysely, { id: p.userId });
  if (!a) throw authErrors.create('auth.not_found');
  await reauthenticate(deps, a, input, principalCtx(p, client), 'auth.password_change', false, now);
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
    const tokens = await revokeUserTokens(tx.kysely, a.id, now);
    const s = await createSession(tx.kysely, a.id, deps.policy, client, now);
    await audit(tx, principalCtx(p, client), {
      action: 'auth.password_change',
      target: a.id,
      outcome: 'success',
      detail: { tokensRevoked: tokens },
    });
    const updated = { ...a, must_change_password: 0 };
    return { token: s.token, info: { csrfToken: s.csrfToken, user: meOf(updated) } };
  });
}

/**
 * Start enrolment. Replacing an enrolled second factor needs the password and a code from the
 * current one (or a recovery code): a session alone must not be enough to take over the account.
 */
export async function totpSetup(
  deps: AuthDeps,
  p: Principal,
  proof: { currentPassword?: string | undefined; currentCode?: string | undefined },
  client: ClientInfo,
  now = new Date(),
) {
  const a = await findAccount(deps.db.kysely, { id: p.userId });
  if (!a) throw authErrors.create('auth.not_found');
  if (a.mfa_enabled) {
    if (!proof.currentPassword) throw authErrors.create('auth.reauth_password_required');
    const reauth = { currentPassword: proof.currentPassword, code: proof.currentCode };
    await reauthenticate(deps, a, reauth, principalCtx(p, client), 'auth.mfa_setup', true, now);
  }
  return withTx(deps.db, async (tx) => {
    const setup = await startTotpSetup(tx.kysely, deps.keyring, a);
    await audit(tx, principalCtx(p, client), { action: 'auth.mfa_setup', target: a.id, outcome: 'success' });
    return setup;
  });
}

/**
 * Confirm enrolment with a first code; returns the recovery codes, shown once. Replacing an
 * enrolled second factor asks for the password again (the old factor was proven at setup).
 */
export async function totpConfirm(
  deps: AuthDeps,
  p: Principal,
  input: { code: string; currentPassword?: string | undefined },
  client: ClientInfo,
  now = new Date(),
): Promise<string[]> {
  const a = await findAccount(deps.db.kysely, { id: p.userId });
  if (!a?.totp_pending_enc) throw authErrors.create('auth.mfa_not_pending');
  if (a.mfa_enabled) {
    if (!input.currentPassword) throw authErrors.create('auth.reauth_password_required');
    await reauthenticate(deps, a, { currentPassword: input.currentPassword }, principalCtx(p, client), 'auth.mfa_enable', false, now);
  }
  const code = input.code;
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
    await audit(tx, principalCtx(p, client), {
      action: 'auth.mfa_enable',
      target: a.id,
      outcome: 'success',
    });
    return codes;
  });
}

/**
 * Issue an API token. A person mints their own, after re-authenticating (password, and a code when
 * enrolled); an administrator mints one for a partner (machine) account and for no one else, so
 * no one can act as another person through a token.
 */
export async function createToken(
  deps: AuthDeps,
  p: Principal,
  ownerId: string,
  input: { name: string; scopes: string[]; expiresInDays: number; currentPassword?: string; currentCode?: string | undefined },
  client: ClientInfo,
  now = new Date(),
) {
  const owner = await findAccount(deps.db.kysely, { id: ownerId });
  if (!owner) throw authErrors.create('auth.not_found');
  const ctx = principalCtx(p, client);
  if (owner.id === p.userId) {
    if (!input.currentPassword) throw authErrors.create('auth.reauth_password_required');
    await reauthenticate(
      deps,
      owner,
      { currentPassword: input.currentPassword, code: input.currentCode },
      ctx,
      'auth.token_create',
      true,
      now,
    );
  } else if (owner.role !== 'partner') {
    await withTx(deps.db, (tx) =>
      audit(tx, ctx, {
        action: 'auth.token_create',
        target: { type: 'api_token', id: null },
        outcome: 'denied',
        detail: { owner: owner.id, reason: 'not_partner' },
      }),
    );
    throw authErrors.create('auth.token_target_not_partner');
  }
  const scopes: Permission[] = validateScopes(owner.role as Role, input.scopes);
  return withTx(deps.db, async (tx) => {
    const { token, row } = await insertApiToken(tx.kysely, {
      userId: owner.id,
      createdBy: p.userId,
      name: input.name,
      scopes,
      expiresInDays: input.expiresInDays,
    });
    await audit(tx, ctx, {
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
    await audit(tx, principalCtx(p, client), {
      action: 'auth.token_revoke',
      target: tokenId,
      outcome: 'success',
    });
  });
}

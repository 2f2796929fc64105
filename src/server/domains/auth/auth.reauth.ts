import type { AuditAction } from '../../../contracts/audit.contracts.js';
import type { AuditCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Keyring } from '../../core/crypto/crypto.keyring.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import type { Account } from '../org/index.js';
import { authErrors } from './auth.errors.js';
import { verifyPassword } from './auth.passwords.js';
import { checkTotp, spendRecoveryCode, totpAad } from './auth.totp.js';

export interface FailureDeps {
  db: Db;
  keyring: Keyring;
  lockout: { maxFailures: number; minutes: number };
}

export const isLocked = (a: Pick<Account, 'locked_until'>, now: Date) => a.locked_until !== null && a.locked_until > now.toISOString();

/**
 * Count one failed proof of identity (a wrong password or code, at login or at re-authentication)
 * in the database itself: `failed_logins = failed_logins + 1 … returning`, so parallel guesses
 * each count; a value read earlier and written back +1 let twelve parallel guesses count once.
 * Only an unlocked account counts; the attempt that reaches the limit locks it, once. The failure
 * (or the refusal of an attempt on a locked account) is audited under `action`.
 */
export async function countFailure(
  deps: FailureDeps,
  accountId: string,
  ctx: AuditCtx,
  event: { action: AuditAction; reason: string },
  now = new Date(),
): Promise<void> {
  const iso = now.toISOString();
  await withTx(deps.db, async (tx) => {
    const counted = await tx.kysely
      .updateTable('app_user')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', accountId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', iso)]))
      .returning('failed_logins')
      .executeTakeFirst();
    if (!counted) {
      await audit(tx, ctx, { action: event.action, target: accountId, outcome: 'denied', detail: { reason: 'locked' } });
      return;
    }
    await audit(tx, ctx, { action: event.action, target: accountId, outcome: 'failure', detail: { reason: event.reason } });
    if (counted.failed_logins < deps.lockout.maxFailures) return;
    await tx.kysely
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: new Date(now.getTime() + deps.lockout.minutes * 60_000).toISOString() })
      .where('id', '=', accountId)
      .execute();
    await audit(tx, ctx, { action: 'auth.lockout', target: accountId, outcome: 'success', detail: { minutes: deps.lockout.minutes } });
  });
}

/** A second factor: six digits from the authenticator (each time step once) or an unused recovery code. */
export async function checkSecondFactor(
  deps: FailureDeps,
  a: Account,
  code: string,
  now = new Date(),
): Promise<'totp' | 'recovery' | null> {
  const db = deps.db.kysely;
  const c = code.trim();
  if (!a.totp_secret_enc) return null;
  if (/^\d{6}$/.test(c)) {
    const secret = deps.keyring.decrypt(a.totp_secret_enc, totpAad(a.id));
    const step = await checkTotp(secret, c, a.totp_last_step, now);
    if (step === null) return null;
    // The conditional update is the replay guard: of two requests with one code, one wins.
    const r = await db
      .updateTable('app_user')
      .set({ totp_last_step: step })
      .where('id', '=', a.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'totp' : null;
  }
  return (await spendRecoveryCode(db, a.id, c, now)) ? 'recovery' : null;
}

/**
 * A signed-in person proves again who they are before a step a stolen session must not take
 * (password change, own API token, replacing the second factor): the current password and, with
 * `secondFactor` on an enrolled account, a code. Wrong answers count toward the same lockout as
 * login and are audited under `action`; a locked account is refused outright.
 */
export async function reauthenticate(
  deps: FailureDeps,
  a: Account,
  proof: { currentPassword: string; code?: string | undefined },
  ctx: AuditCtx,
  action: AuditAction,
  secondFactor: boolean,
  now = new Date(),
): Promise<void> {
  if (isLocked(a, now)) {
    await withTx(deps.db, (tx) => audit(tx, ctx, { action, target: a.id, outcome: 'denied', detail: { reason: 'locked' } }));
    throw authErrors.create('auth.reauth_locked');
  }
  if (!(await verifyPassword(a.password_hash, proof.currentPassword))) {
    await countFailure(deps, a.id, ctx, { action, reason: 'password' }, now);
    throw authErrors.create('auth.password_wrong_current');
  }
  if (!secondFactor || !a.mfa_enabled) return;
  if (!proof.code) throw authErrors.create('auth.reauth_code_required');
  const method = await checkSecondFactor(deps, a, proof.code, now);
  if (!method) {
    await countFailure(deps, a.id, ctx, { action, reason: 'totp' }, now);
    throw authErrors.create('auth.totp_invalid');
  }
  if (method === 'recovery')
    await withTx(deps.db, (tx) => audit(tx, ctx, { action: 'auth.recovery_code_use', target: a.id, outcome: 'success' }));
}

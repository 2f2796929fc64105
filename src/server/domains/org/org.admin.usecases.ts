import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Unit, User } from '../../../contracts/org.contracts.js';
import type { Role, UnitKind } from '../../../contracts/roles.contracts.js';
import type { AuditCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { toFlag } from '../../core/db/db.decode.js';
import type { Db } from '../../core/db/db.open.js';
import type { Database } from '../../core/db/db.schema.js';
import { withTx } from '../../core/db/db.tx.js';
import { orgErrors } from './org.errors.js';
import {
  countActiveAdmins,
  endSessionsOf,
  findAccount,
  findUnit,
  findUnitByCode,
  insertUnit,
  insertUser,
  toUnit,
  toUser,
} from './org.repository.js';
import type { HashPassword } from './org.usecases.js';

/** Who acts and from where, for the audit trail. */
export type Ctx = AuditCtx;

/** A temporary password people can read out over the phone: no look-alike characters. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}`;
}

async function assertNoCycle(db: Kysely<Database>, unitId: string, parentId: string | null): Promise<void> {
  let cursor = parentId;
  for (let depth = 0; cursor && depth < 100; depth++) {
    if (cursor === unitId) throw orgErrors.create('org.unit_cycle');
    cursor = (await findUnit(db, cursor))?.parent_id ?? null;
  }
}

export async function createUnit(
  db: Db,
  ctx: Ctx,
  input: {
    code: string;
    name: string;
    nameEn: string;
    kind: UnitKind;
    parentId: string | null;
    prefectureWide: boolean;
    email?: string | null;
  },
): Promise<Unit> {
  return withTx(db, async (tx) => {
    if (await findUnitByCode(tx.kysely, input.code)) throw orgErrors.create('org.unit_code_taken', { code: input.code });
    if (input.parentId && !(await findUnit(tx.kysely, input.parentId))) throw orgErrors.create('org.unit_not_found');
    const id = await insertUnit(tx.kysely, input);
    await audit(tx, ctx, { action: 'org.unit.create', target: id, change: input });
    return toUnit((await findUnit(tx.kysely, id)) as NonNullable<Awaited<ReturnType<typeof findUnit>>>);
  });
}

export async function updateUnit(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: Partial<{ name: string; nameEn: string; kind: UnitKind; parentId: string | null; prefectureWide: boolean; email: string | null }>,
): Promise<Unit> {
  return withTx(db, async (tx) => {
    const u = await findUnit(tx.kysely, id);
    if (!u) throw orgErrors.create('org.unit_not_found');
    if (patch.parentId !== undefined) {
      if (patch.parentId && !(await findUnit(tx.kysely, patch.parentId))) throw orgErrors.create('org.unit_not_found');
      await assertNoCycle(tx.kysely, id, patch.parentId);
    }
    await tx.kysely
      .updateTable('unit')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
        ...(patch.prefectureWide !== undefined ? { prefecture_wide: toFlag(patch.prefectureWide) } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit(tx, ctx, { action: 'org.unit.update', target: id, change: patch, detail: { fields: Object.keys(patch).join(' ') } });
    return toUnit((await findUnit(tx.kysely, id)) as NonNullable<typeof u>);
  });
}

export async function createUser(
  db: Db,
  hash: HashPassword,
  ctx: Ctx,
  input: { loginId: string; displayName: string; unitId: string; role: Role },
): Promise<{ user: User; temporaryPassword: string }> {
  const temp = temporaryPassword();
  const passwordHash = await hash(temp);
  return withTx(db, async (tx) => {
    if (await findAccount(tx.kysely, { loginId: input.loginId })) throw orgErrors.create('org.login_id_taken', { loginId: input.loginId });
    if (!(await findUnit(tx.kysely, input.unitId))) throw orgErrors.create('org.unit_not_found');
    const id = await insertUser(tx.kysely, { ...input, passwordHash, mustChangePassword: true });
    await audit(tx, ctx, { action: 'org.user.create', target: id, change: input, detail: { role: input.role } });
    return {
      user: toUser((await findAccount(tx.kysely, { id })) as NonNullable<Awaited<ReturnType<typeof findAccount>>>),
      temporaryPassword: temp,
    };
  });
}

export async function updateUser(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: Partial<{ displayName: string; unitId: string; role: Role; disabled: boolean }>,
): Promise<User> {
  return withTx(db, async (tx) => {
    const a = await findAccount(tx.kysely, { id });
    if (!a) throw orgErrors.create('org.user_not_found');
    if (patch.unitId && !(await findUnit(tx.kysely, patch.unitId))) throw orgErrors.create('org.unit_not_found');
    const losesAdmin = a.role === 'sysAdmin' && !a.disabled && (patch.disabled === true || (patch.role && patch.role !== 'sysAdmin'));
    if (losesAdmin && (await countActiveAdmins(tx.kysely)) <= 1) throw orgErrors.create('org.last_admin');
    await tx.kysely
      .updateTable('app_user')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.disabled !== undefined ? { disabled: toFlag(patch.disabled) } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    // A change of role, unit or a disablement must not leave a session with the old rights.
    if (patch.disabled || patch.role !== undefined || patch.unitId !== undefined) await endSessionsOf(tx.kysely, id);
    await audit(tx, ctx, { action: 'org.user.update', target: id, change: patch, detail: { fields: Object.keys(patch).join(' ') } });
    return toUser((await findAccount(tx.kysely, { id })) as NonNullable<typeof a>);
  });
}

export async function resetPassword(db: Db, hash: HashPassword, ctx: Ctx, id: string): Promise<{ user: User; temporaryPassword: string }> {
  const temp = temporaryPassword();
  const passwordHash = await hash(temp);
  return withTx(db, async (tx) => {
    const a = await findAccount(tx.kysely, { id });
    if (!a) throw orgErrors.create('org.user_not_found');
    await tx.kysely
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await endSessionsOf(tx.kysely, id);
    await audit(tx, ctx, { action: 'org.user.password_reset', target: id });
    return { user: toUser({ ...a, must_change_password: 1, locked_until: null }), temporaryPassword: temp };
  });
}

export async function unlockUser(db: Db, ctx: Ctx, id: string): Promise<User> {
  return withTx(db, async (tx) => {
    const a = await findAccount(tx.kysely, { id });
    if (!a) throw orgErrors.create('org.user_not_found');
    await tx.kysely.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    await audit(tx, ctx, { action: 'org.user.unlock', target: id });
    return toUser({ ...a, locked_until: null, failed_logins: 0 });
  });
}

/** Clear a lost second factor; the user enrols again at next login (their role may require it). */
export async function resetMfa(db: Db, ctx: Ctx, id: string): Promise<User> {
  return withTx(db, async (tx) => {
    const a = await findAccount(tx.kysely, { id });
    if (!a) throw orgErrors.create('org.user_not_found');
    await tx.kysely
      .updateTable('app_user')
      .set({ mfa_enabled: 0, totp_secret_enc: null, totp_pending_enc: null, totp_last_step: null })
      .where('id', '=', id)
      .execute();
    await tx.kysely.deleteFrom('recovery_code').where('user_id', '=', id).execute();
    await endSessionsOf(tx.kysely, id);
    await audit(tx, ctx, { action: 'auth.mfa_reset', target: id });
    return toUser({ ...a, mfa_enabled: 0 });
  });
}

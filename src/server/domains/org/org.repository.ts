import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Unit, User } from '../../../contracts/org.contracts.js';
import type { Role, UnitKind } from '../../../contracts/roles.contracts.js';
import { toFlag } from '../../core/db/db.decode.js';
import { containsText } from '../../core/db/db.like.js';
import type { Database } from '../../core/db/db.schema.js';
import type { UnitTable } from './org.tables.js';

export interface NewUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parentId: string | null;
  prefectureWide?: boolean;
  email?: string | null;
}

export interface NewUser {
  loginId: string;
  displayName: string;
  unitId: string;
  role: Role;
  passwordHash: string;
  mustChangePassword?: boolean;
}

export async function insertUnit(db: Kysely<Database>, u: NewUnit, now = new Date()): Promise<string> {
  const id = randomUUID();
  const ts = now.toISOString();
  await db
    .insertInto('unit')
    .values({
      id,
      code: u.code,
      name: u.name,
      name_en: u.nameEn,
      kind: u.kind,
      parent_id: u.parentId,
      prefecture_wide: toFlag(u.prefectureWide),
      email: u.email ?? null,
      created_at: ts,
      updated_at: ts,
    })
    .execute();
  return id;
}

export async function insertUser(db: Kysely<Database>, u: NewUser, now = new Date()): Promise<string> {
  const id = randomUUID();
  const ts = now.toISOString();
  await db
    .insertInto('app_user')
    .values({
      id,
      login_id: u.loginId,
      display_name: u.displayName,
      unit_id: u.unitId,
      role: u.role,
      password_hash: u.passwordHash,
      disabled: 0,
      must_change_password: toFlag(u.mustChangePassword),
      created_at: ts,
      updated_at: ts,
    })
    .execute();
  return id;
}

export async function findUnitByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('unit').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The account joined with its unit, as authentication needs it. */
export async function findAccount(db: Kysely<Database>, by: { loginId: string } | { id: string }) {
  let q = db
    .selectFrom('app_user')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .selectAll('app_user')
    .select(['unit.name as unit_name', 'unit.name_en as unit_name_en']);
  q = 'id' in by ? q.where('app_user.id', '=', by.id) : q.where('app_user.login_id', '=', by.loginId);
  return q.executeTakeFirst();
}
export type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function toUnit(r: UnitTable): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind as Unit['kind'],
    parentId: r.parent_id,
    prefectureWide: !!r.prefecture_wide,
    email: r.email,
  };
}

export async function listUnits(db: Kysely<Database>): Promise<Unit[]> {
  return (await db.selectFrom('unit').selectAll().orderBy('code').execute()).map(toUnit);
}

export async function findUnit(db: Kysely<Database>, id: string) {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export function toUser(a: Account, now = new Date()): User {
  return {
    id: a.id,
    loginId: a.login_id,
    displayName: a.display_name,
    role: a.role as User['role'],
    unitId: a.unit_id,
    unitName: a.unit_name,
    unitNameEn: a.unit_name_en,
    disabled: !!a.disabled,
    locked: a.locked_until !== null && a.locked_until > now.toISOString(),
    mfaEnabled: !!a.mfa_enabled,
    mustChangePassword: !!a.must_change_password,
    createdAt: a.created_at,
  };
}

export async function listUsers(db: Kysely<Database>, f: { unitId?: string; role?: string; q?: string; limit: number }): Promise<User[]> {
  let q = db
    .selectFrom('app_user')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .selectAll('app_user')
    .select(['unit.name as unit_name', 'unit.name_en as unit_name_en'])
    .orderBy('app_user.login_id')
    .limit(f.limit);
  if (f.unitId) q = q.where('app_user.unit_id', '=', f.unitId);
  if (f.role) q = q.where('app_user.role', '=', f.role);
  if (f.q) {
    const text = f.q;
    q = q.where((e) => e.or([containsText('app_user.login_id', text), containsText('app_user.display_name', text)]));
  }
  return (await q.execute()).map((a) => toUser(a));
}

/** A user's sessions end when an administrator resets, disables or demotes them. */
export async function endSessionsOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'sysAdmin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, UnitKind } from '../../../contracts/roles.contracts.js';
import type { Database } from '../../core/db/db.schema.js';

export interface NewUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parentId: string | null;
  prefectureWide?: boolean;
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
      prefecture_wide: u.prefectureWide ? 1 : 0,
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
      must_change_password: u.mustChangePassword ? 1 : 0,
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
export async function findUserForLogin(db: Kysely<Database>, loginId: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('unit', 'unit.id', 'app_user.unit_id')
    .select([
      'app_user.id',
      'app_user.login_id',
      'app_user.display_name',
      'app_user.role',
      'app_user.password_hash',
      'app_user.disabled',
      'app_user.unit_id',
      'unit.name as unit_name',
    ])
    .where('app_user.login_id', '=', loginId)
    .executeTakeFirst();
}

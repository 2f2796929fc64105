import { randomBytes } from 'node:crypto';
import { systemCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { demoUnits, demoUsers } from './org.demo-data.js';
import { countUsers, findUnitByCode, insertUnit, insertUser } from './org.repository.js';

export type HashPassword = (plain: string) => Promise<string>;

/** Demo accounts share one documented password; demo mode is for trying Renkei, not for real data. */
export const DEMO_PASSWORD = 'renkei-demo-2026';

export interface SeedResult {
  created: boolean;
  units: number;
  users: number;
}

/** Create the demo organisation and one account per role, once. Safe to call again. */
export async function seedDemo(
  db: Db,
  hash: HashPassword,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SeedResult> {
  if (await findUnitByCode(db.kysely, 'ST-SENDAI-CHUO')) return { created: false, units: 0, users: 0 };
  // Hash outside the transaction: argon2 is slow by design and must not hold the write lock.
  const passwordHash = await hash(DEMO_PASSWORD);
  const total = demoUnits.length + demoUsers.length;
  let done = 0;
  await withTx(db, async (tx) => {
    const ids = new Map<string, string>();
    for (const u of demoUnits) {
      const existing = await findUnitByCode(tx.kysely, u.code);
      const parentId = u.parent ? (ids.get(u.parent) ?? null) : null;
      const id =
        existing?.id ??
        (await insertUnit(tx.kysely, {
          code: u.code,
          name: u.name,
          nameEn: u.nameEn,
          kind: u.kind,
          parentId,
          prefectureWide: u.prefectureWide ?? false,
        }));
      ids.set(u.code, id);
      onProgress(++done, total);
    }
    for (const u of demoUsers) {
      const unitId = ids.get(u.unit);
      if (!unitId) throw new Error(`demo user ${u.loginId} names unknown unit ${u.unit}`);
      await insertUser(tx.kysely, { loginId: u.loginId, displayName: u.displayName, unitId, role: u.role, passwordHash });
      onProgress(++done, total);
    }
    await audit(tx, systemCtx, {
      action: 'org.seed_demo',
      detail: { units: demoUnits.length, users: demoUsers.length },
    });
  });
  return { created: true, units: demoUnits.length, users: demoUsers.length };
}

export interface AdminResult {
  created: boolean;
  loginId: string;
  /** Present only when Renkei generated it: shown once on the console, never logged. */
  generatedPassword?: string;
}

/**
 * On a database with no accounts, create the first system administrator. The password comes
 * from RENKEI_ADMIN_PASSWORD or is generated and must be changed at first login.
 */
export async function ensureFirstAdmin(db: Db, hash: HashPassword, password: string | undefined): Promise<AdminResult> {
  const loginId = 'admin';
  if ((await countUsers(db.kysely)) > 0) return { created: false, loginId };
  const plain = password ?? randomBytes(12).toString('base64url');
  const passwordHash = await hash(plain);
  await withTx(db, async (tx) => {
    const hq =
      (await findUnitByCode(tx.kysely, 'HQ'))?.id ??
      (await insertUnit(tx.kysely, { code: 'HQ', name: '警察本部', nameEn: 'Police HQ', kind: 'headquarters', parentId: null }));
    const it =
      (await findUnitByCode(tx.kysely, 'HQ-JOHO'))?.id ??
      (await insertUnit(tx.kysely, {
        code: 'HQ-JOHO',
        name: '総務部 情報管理課',
        nameEn: 'Information Management Division',
        kind: 'hqDivision',
        parentId: hq,
      }));
    const id = await insertUser(tx.kysely, {
      loginId,
      displayName: 'システム管理者',
      unitId: it,
      role: 'sysAdmin',
      passwordHash,
      mustChangePassword: password === undefined,
    });
    await audit(tx, systemCtx, {
      action: 'org.user.create',
      target: id,
      detail: { role: 'sysAdmin', firstAdmin: true },
    });
  });
  return password === undefined ? { created: true, loginId, generatedPassword: plain } : { created: true, loginId };
}

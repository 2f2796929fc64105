import { sql } from 'kysely';
import type { Db } from '../db/db.open.js';
import { withTx } from '../db/db.tx.js';
import { cryptoErrors } from './crypto.errors.js';
import type { Keyring } from './crypto.keyring.js';

/**
 * Every encrypted column registers here, so key rotation can find and re-encrypt it.
 * `aad` binds a ciphertext to its row and column: a value copied into another row will not decrypt.
 */
export interface EncryptedField {
  table: string;
  idColumn: string;
  column: string;
  aad(id: string): string;
  /** A keyed-hash column beside the field, recomputed when the key changes. */
  blind?: { column: string; field: string; normalise(plain: string): string };
}

const CHECK_PLAINTEXT = 'renkei-key-check';
const CHECK_AAD = 'key_check';

/**
 * Prove at start that the keyring fits this database: every stored key check that names a key we
 * hold must decrypt, and at least one must. A new active key gets its own check row.
 */
export async function verifyKeysAgainstDb(db: Db, keyring: Keyring, now = new Date()): Promise<void> {
  const rows = await db.kysely.selectFrom('key_check').selectAll().execute();
  const known = rows.filter((r) => keyring.has(r.key_id));
  if (rows.length > 0 && known.length === 0) {
    throw cryptoErrors.create('crypto.key_mismatch', { keyId: rows.map((r) => r.key_id).join(', ') });
  }
  for (const r of known) {
    let ok = false;
    try {
      ok = keyring.decrypt(r.check_value, CHECK_AAD) === CHECK_PLAINTEXT;
    } catch {}
    if (!ok) throw cryptoErrors.create('crypto.key_mismatch', { keyId: r.key_id });
  }
  if (!rows.some((r) => r.key_id === keyring.activeId)) {
    await db.kysely
      .insertInto('key_check')
      .values({ key_id: keyring.activeId, check_value: keyring.encrypt(CHECK_PLAINTEXT, CHECK_AAD), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('key_id').doNothing())
      .execute();
  }
}

/** True when the database has never met a key: the first run, when a key may be created. */
export async function databaseHasKeys(db: Db): Promise<boolean> {
  const r = await db.kysely.selectFrom('key_check').select('key_id').limit(1).executeTakeFirst();
  return r !== undefined;
}

export interface RotationResult {
  reencrypted: number;
  byField: Record<string, number>;
}

/** Re-encrypt every registered value not yet under the active key, in small transactions. */
export async function reencryptAll(db: Db, keyring: Keyring, fields: readonly EncryptedField[], batch = 500): Promise<RotationResult> {
  const byField: Record<string, number> = {};
  let total = 0;
  const activePrefix = `enc1:${keyring.activeId}:`;
  for (const f of fields) {
    const name = `${f.table}.${f.column}`;
    byField[name] = 0;
    for (;;) {
      const rows = await sql<{ id: string; v: string }>`
        select ${sql.ref(f.idColumn)} as id, ${sql.ref(f.column)} as v from ${sql.table(f.table)}
        where ${sql.ref(f.column)} is not null and ${sql.ref(f.column)} not like ${`${activePrefix}%`}
        limit ${batch}`.execute(db.kysely);
      if (rows.rows.length === 0) break;
      await withTx(db, async (tx) => {
        for (const r of rows.rows) {
          const plain = keyring.decrypt(r.v, f.aad(r.id));
          const set: Record<string, string> = { [f.column]: keyring.encrypt(plain, f.aad(r.id)) };
          if (f.blind) set[f.blind.column] = keyring.blindIndex(f.blind.field, f.blind.normalise(plain));
          await tx.kysely
            .updateTable(f.table as never)
            .set(set as never)
            .where(sql.ref(f.idColumn), '=', r.id)
            .execute();
        }
      });
      byField[name] += rows.rows.length;
      total += rows.rows.length;
    }
  }
  await db.kysely.deleteFrom('key_check').where('key_id', '!=', keyring.activeId).execute();
  await verifyKeysAgainstDb(db, keyring);
  return { reencrypted: total, byField };
}

/**
 * How many stored values each key still seals: every encrypted column of every domain (personal
 * fields, evidence files' data keys). A key in use must stay in the key file, or the values it
 * sealed are lost for good.
 */
export async function keyUsage(db: Db, fields: readonly EncryptedField[], keyIds: readonly string[]): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  for (const id of keyIds) {
    let n = 0;
    for (const f of fields) {
      const r = await sql<{
        n: number | string;
      }>`select count(*) as n from ${sql.table(f.table)} where ${sql.ref(f.column)} like ${`enc1:${id}:%`}`.execute(db.kysely);
      n += Number(r.rows[0]?.n ?? 0);
    }
    usage[id] = n;
  }
  return usage;
}

/**
 * How many audit events each key signed. Verifying them needs only the key's audit-chain MAC key,
 * which `retireKeysInFile` keeps when the master key goes.
 */
export async function auditKeyUsage(db: Db, keyIds: readonly string[]): Promise<Record<string, number>> {
  const usage: Record<string, number> = {};
  for (const id of keyIds) {
    const r = await db.kysely
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('key_id', '=', id)
      .executeTakeFirst();
    usage[id] = Number(r?.n ?? 0);
  }
  return usage;
}

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../testing/test-db.js';
import { isAppError } from '../errors/app-error.js';
import { type EncryptedField, reencryptAll, verifyKeysAgainstDb } from './crypto.fields.js';
import { createKeyring, generateMasterKey } from './crypto.keyring.js';
import { addKeyToFile, createKeyFile, loadKeyring } from './crypto.keysource.js';

let t: TestDb;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-keys-'));
before(async () => {
  t = await freshDb();
  // A stand-in for a personal-data table: a name encrypted at rest and a phone number with a blind index.
  await sql`create table person (id text primary key, name_enc text, phone_enc text, phone_hmac text)`.execute(t.db.kysely);
});
after(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fields: EncryptedField[] = [
  { table: 'person', idColumn: 'id', column: 'name_enc', aad: (id) => `person.name:${id}` },
  {
    table: 'person',
    idColumn: 'id',
    column: 'phone_enc',
    aad: (id) => `person.phone:${id}`,
    blind: { column: 'phone_hmac', field: 'phone', normalise: (s) => s.replace(/\D/g, '') },
  },
];

test('values are ciphertext in the database, decrypt only with their row binding, and are tamper-evident', () => {
  const k = createKeyring([generateMasterKey('a')], 'a');
  const sealed = k.encrypt('宮城 花子', 'person.name:1');
  assert.ok(sealed.startsWith('enc1:a:'));
  assert.ok(!sealed.includes('宮城'));
  assert.equal(k.decrypt(sealed, 'person.name:1'), '宮城 花子');
  assert.throws(
    () => k.decrypt(sealed, 'person.name:2'),
    (e) => isAppError(e) && e.code === 'crypto.decrypt_failed',
  );
  // Flip a character that carries ciphertext bits (not the last one, whose low bits may be padding).
  const at = sealed.length - 3;
  const tampered = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
  assert.notEqual(tampered, sealed);
  assert.throws(() => k.decrypt(tampered, 'person.name:1'));
  assert.notEqual(k.encrypt('x', 'a'), k.encrypt('x', 'a'), 'a fresh IV every time');
});

test('lookup by keyed hash finds the row without decrypting anything', async () => {
  const k = createKeyring([generateMasterKey('a')], 'a');
  for (const [id, name, phone] of [
    ['1', '宮城 花子', '090-1234-5678'],
    ['2', '仙台 太郎', '080-1111-2222'],
  ] as const) {
    await sql`insert into person values (${id}, ${k.encrypt(name, `person.name:${id}`)}, ${k.encrypt(phone, `person.phone:${id}`)}, ${k.blindIndex('phone', phone.replace(/\D/g, ''))})`.execute(
      t.db.kysely,
    );
  }
  const probe = k.blindIndex('phone', '09012345678');
  const hit = await sql<{ id: string }>`select id from person where phone_hmac = ${probe}`.execute(t.db.kysely);
  assert.deepEqual(
    hit.rows.map((r) => r.id),
    ['1'],
  );
  assert.notEqual(k.blindIndex('phone', '09012345678'), k.blindIndex('name', '09012345678'), 'fields are separate namespaces');
  await verifyKeysAgainstDb(t.db, k);

  // Rotation: a new active key re-encrypts every value and recomputes every blind index.
  const file = path.join(dir, 'keys.json');
  createKeyFile(file);
  const oldRing = loadKeyring({ kind: 'file', path: file });
  // Use the file's key for the data, as a real installation would.
  await sql`delete from person`.execute(t.db.kysely);
  await sql`delete from key_check`.execute(t.db.kysely);
  await sql`insert into person values ('1', ${oldRing.encrypt('宮城 花子', 'person.name:1')}, ${oldRing.encrypt('090-1234-5678', 'person.phone:1')}, ${oldRing.blindIndex('phone', '09012345678')})`.execute(
    t.db.kysely,
  );
  await verifyKeysAgainstDb(t.db, oldRing);
  const newId = addKeyToFile(file, new Date(Date.now() + 1000));
  const newRing = loadKeyring({ kind: 'file', path: file });
  assert.equal(newRing.activeId, newId);
  const r = await reencryptAll(t.db, newRing, fields);
  assert.equal(r.reencrypted, 2);
  const row = (
    await sql<{ name_enc: string; phone_enc: string; phone_hmac: string }>`select * from person where id = '1'`.execute(t.db.kysely)
  ).rows[0];
  assert.ok(row?.name_enc.startsWith(`enc1:${newId}:`));
  assert.equal(newRing.decrypt(row?.name_enc ?? '', 'person.name:1'), '宮城 花子');
  assert.equal(row?.phone_hmac, newRing.blindIndex('phone', '09012345678'));
  assert.equal((await reencryptAll(t.db, newRing, fields)).reencrypted, 0, 'a second run has nothing left to do');
  // The old key alone no longer fits the database.
  const oldOnly = createKeyring(
    [{ id: oldRing.activeId, key: Buffer.from(JSON.parse(fs.readFileSync(file, 'utf8')).keys[0].key, 'base64') }],
    oldRing.activeId,
  );
  await assert.rejects(verifyKeysAgainstDb(t.db, oldOnly), (e) => isAppError(e) && e.code === 'crypto.key_mismatch');
});

test('a wrong key with the right id is refused at start', async () => {
  const rows = await t.db.kysely.selectFrom('key_check').select('key_id').execute();
  const id = rows[0]?.key_id as string;
  const impostor = createKeyring([generateMasterKey(id)], id);
  await assert.rejects(verifyKeysAgainstDb(t.db, impostor), (e) => isAppError(e) && e.code === 'crypto.key_mismatch');
});

test('malformed key material is refused with a clear message', () => {
  assert.throws(
    () => loadKeyring({ kind: 'env', value: 'k1:dG9vLXNob3J0' }),
    (e) => isAppError(e) && e.code === 'crypto.key_invalid',
  );
  assert.throws(
    () => loadKeyring({ kind: 'env', value: 'no-colon' }),
    (e) => isAppError(e) && e.code === 'crypto.key_invalid',
  );
  assert.throws(
    () => loadKeyring({ kind: 'file', path: path.join(dir, 'missing.json') }),
    (e) => isAppError(e) && e.code === 'crypto.key_missing',
  );
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{"active":"x"}');
  assert.throws(
    () => loadKeyring({ kind: 'file', path: bad }),
    (e) => isAppError(e) && e.code === 'crypto.key_invalid',
  );
});

test('the key file is written readable by its owner only', () => {
  const f = path.join(dir, 'mode.json');
  createKeyFile(f);
  assert.equal(fs.statSync(f).mode & 0o777, 0o600);
});

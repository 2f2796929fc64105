import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { keyUsage, reencryptAll } from './core/crypto/crypto.fields.js';
import { addKeyToFile, createKeyFile, keyIdsInFile, loadKeyring, retireKeysInFile } from './core/crypto/crypto.keysource.js';
import { encryptedFields } from './modules.js';
import { consultationInput } from './testing/consultation.js';
import { type Agent, loginAs, type TestApp, testApp } from './testing/test-app.js';

/**
 * `renkei keys rotate` runs beside a live server: it adds a key to the file and re-encrypts every
 * personal field. The server must go on reading and revealing those fields, and write new ones
 * under the new key, without a restart.
 */
let a: TestApp;
let dir: string;
let keyFile: string;
let chuo: Agent;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-keys-'));
  keyFile = path.join(dir, 'renkei.keys.json');
  createKeyFile(keyFile);
  a = await testApp({ keys: { kind: 'file', path: keyFile } });
  chuo = await loginAs(a.app, 'chuo.sato');
});
after(async () => {
  await a.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const consultation = consultationInput({
  summary: '鍵の更新中に受理した相談',
  narrative: '警告画面が表示され、050-3000-1234 に電話した。',
});

const reveal = (id: string) =>
  a.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${id}/reveal`,
    headers: chuo.headers(),
    payload: { fields: ['complainant.name'], reason: '相談者への連絡のため' },
  });

test('a running server reads and writes under a key added while it runs', async () => {
  const before = await a.app.inject({ method: 'POST', url: '/api/intake/consultations', headers: chuo.headers(), payload: consultation });
  assert.equal(before.statusCode, 201, before.body);
  const oldKey = a.keyring.activeId;

  // What `renkei keys rotate` does, from another process's point of view: a new key in the file,
  // every personal field re-encrypted under it.
  const newKey = addKeyToFile(keyFile, new Date(Date.now() + 1000));
  await reencryptAll(a.db, loadKeyring({ kind: 'file', path: keyFile }), encryptedFields);

  // At once, before any chore ran: the unknown key id in the ciphertext makes the server reload.
  const r = await reveal(before.json().id);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(JSON.stringify(r.json()).includes('青葉 花子'), true);
  assert.equal(a.keyring.activeId, newKey, 'and it now writes under the new key');
  assert.notEqual(newKey, oldKey);

  const after = await a.app.inject({
    method: 'POST',
    url: '/api/intake/consultations',
    headers: chuo.headers(),
    payload: { ...consultation, summary: '鍵の更新後に受理した相談' },
  });
  assert.equal(after.statusCode, 201, after.body);
  const row = await a.db.kysely
    .selectFrom('consultation')
    .select('complainant_name_enc')
    .where('id', '=', after.json().id)
    .executeTakeFirstOrThrow();
  assert.ok(row.complainant_name_enc?.startsWith(`enc1:${newKey}:`), row.complainant_name_enc ?? '');

  // The keyed hash of the phone (what exact-match search uses) is the same for both records again.
  const hashes = await a.db.kysely
    .selectFrom('consultation')
    .select('complainant_phone_bi')
    .where('id', 'in', [before.json().id, after.json().id])
    .execute();
  assert.equal(new Set(hashes.map((h) => h.complainant_phone_bi)).size, 1);
});

test('the key-file chore takes up a new key without any request', async () => {
  const newer = addKeyToFile(keyFile, new Date(Date.now() + 2000));
  assert.notEqual(a.keyring.activeId, newer);
  for (const c of a.chores.filter((c) => c.name === 'crypto.reload_keys')) await c.run();
  assert.equal(a.keyring.activeId, newer);
});

test('an old key is kept while a stored value is sealed or an audit event signed under it', async () => {
  const sealed = await a.app.inject({ method: 'POST', url: '/api/intake/consultations', headers: chuo.headers(), payload: consultation });
  assert.equal(sealed.statusCode, 201, sealed.body);
  const old = a.keyring.activeId;
  addKeyToFile(keyFile, new Date(Date.now() + 3000));
  // As `renkei keys retire` does: count every key but the active one, drop those that seal nothing.
  const keep = async () => {
    const usage = await keyUsage(a.db, encryptedFields, keyIdsInFile(keyFile));
    return retireKeysInFile(keyFile, (id) => (usage[id] ?? 0) > 0);
  };
  assert.ok(!(await keep()).includes(old), 'values under the old key keep it in the file');
  assert.ok(keyIdsInFile(keyFile).includes(old));
  await reencryptAll(a.db, loadKeyring({ kind: 'file', path: keyFile }), encryptedFields);
  // No personal value is sealed under it any more, but the audit events signed with it still need
  // it to verify: it stays, and the count says why.
  const signed = await a.db.kysely.selectFrom('audit_event').select('id').where('key_id', '=', old).execute();
  assert.ok(signed.length > 0);
  assert.deepEqual(await keyUsage(a.db, encryptedFields, [old]), { [old]: signed.length });
  assert.ok(!(await keep()).includes(old));
  assert.ok(keyIdsInFile(keyFile).includes(old));
  const r = await reveal(sealed.json().id);
  assert.equal(r.statusCode, 200, 'and every value is still readable');
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { verifyAuditChain } from './core/audit/audit.verify.js';
import { auditKeyUsage, keyUsage, reencryptAll } from './core/crypto/crypto.fields.js';
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

const upload = (id: string, bytes: Buffer) =>
  a.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${id}/files?name=${encodeURIComponent('請求メール.eml')}`,
    headers: { ...chuo.headers(), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
const download = (id: string, fileId: string) =>
  a.app.inject({ url: `/api/intake/consultations/${id}/files/${fileId}`, headers: chuo.headers() });

test('an old key stays while a value or evidence file is sealed under it, then retires keeping only its audit MAC key', async () => {
  const sealed = await a.app.inject({ method: 'POST', url: '/api/intake/consultations', headers: chuo.headers(), payload: consultation });
  assert.equal(sealed.statusCode, 201, sealed.body);
  const mail = Buffer.from('差出人: 青葉 花子\n口座 七十七銀行 本店 普通 1234567 に振り込むよう指示された。');
  const file = await upload(sealed.json().id, mail);
  assert.equal(file.statusCode, 201, file.body);
  const old = a.keyring.activeId;
  addKeyToFile(keyFile, new Date(Date.now() + 3000));
  // As `renkei keys retire` does: every key but the active one; those that seal nothing go.
  const retire = async () => {
    const ids = keyIdsInFile(keyFile);
    const usage = await keyUsage(a.db, encryptedFields, ids);
    const signed = await auditKeyUsage(a.db, ids);
    return retireKeysInFile(
      keyFile,
      (id) => (usage[id] ?? 0) > 0,
      (id) => (signed[id] ?? 0) > 0,
    );
  };
  const fileKey = async () =>
    (await a.db.kysely.selectFrom('evidence_file').select('data_key_enc').where('id', '=', file.json().id).executeTakeFirstOrThrow())
      .data_key_enc ?? '';
  assert.ok((await fileKey()).startsWith(`enc1:${old}:`));
  assert.ok(((await keyUsage(a.db, encryptedFields, [old]))[old] ?? 0) > 0);
  assert.ok(!(await retire()).removed.includes(old), 'values and files under the old key keep it in the file');
  assert.ok(keyIdsInFile(keyFile).includes(old));

  const r = await reencryptAll(a.db, loadKeyring({ kind: 'file', path: keyFile }), encryptedFields);
  assert.ok((r.byField['evidence_file.data_key_enc'] ?? 0) >= 1, "rotation re-seals the files' data keys");
  assert.ok(!(await fileKey()).startsWith(`enc1:${old}:`));
  // Nothing is sealed under it any more; the audit events it signed need only its audit MAC key.
  const signed = await a.db.kysely.selectFrom('audit_event').select('id').where('key_id', '=', old).execute();
  assert.ok(signed.length > 0);
  assert.deepEqual(await keyUsage(a.db, encryptedFields, [old]), { [old]: 0 });
  const retired = await retire();
  assert.ok(retired.removed.includes(old), 'the old master key leaves the key file');
  assert.ok(retired.auditOnly.includes(old));
  assert.ok(!keyIdsInFile(keyFile).includes(old));
  const kept = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { keys: { key: string }[]; auditKeys: { id: string; key: string }[] };
  const auditKey = kept.auditKeys.find((k) => k.id === old);
  assert.ok(auditKey, 'its audit MAC key stays');

  // With the key file as it now is: the trail verifies, the old key cannot decrypt anything.
  const now = loadKeyring({ kind: 'file', path: keyFile });
  assert.equal(now.has(old), false);
  const report = await verifyAuditChain(a.db, { keys: now });
  assert.equal(report.ok, true, JSON.stringify(report));
  a.keyring.refresh();
  assert.equal((await reveal(sealed.json().id)).statusCode, 200, 'every value is still readable');
  const dl = await download(sealed.json().id, file.json().id);
  assert.equal(dl.statusCode, 200, dl.body);
  assert.deepEqual(dl.rawPayload, mail, 'and the evidence file downloads unchanged');
});

import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createLogger } from '../../core/log/logger.js';
import { consultationInput } from '../../testing/consultation.js';
import { allStored, replaceStored, storedBytes } from '../../testing/stored-files.js';
import { type Agent, loginAs, type TestApp, testApp } from '../../testing/test-app.js';
import { encryptLegacyEvidence } from './intake.evidence.js';

/** Evidence files at rest, through the HTTP API: encrypted, de-duplicated within a record only, intact or refused. */
let a: TestApp;
let dataDir: string;
let chuo: Agent;
let ishinomaki: Agent;
before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-evidence-'));
  a = await testApp({ dataDir });
  chuo = await loginAs(a.app, 'chuo.sato');
  ishinomaki = await loginAs(a.app, 'ishinomaki.suzuki');
});
after(async () => {
  await a.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const filesDir = () => path.join(dataDir, 'files');
// Where the engine keeps stored files: the data directory (SQLite) or file_chunk (PostgreSQL).
const place = () => ({ db: a.db, dataDir });
const record = async (who: Agent) => {
  const r = await a.app.inject({ method: 'POST', url: '/api/intake/consultations', headers: who.headers(), payload: consultationInput() });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().id as string;
};
const upload = (who: Agent, id: string, bytes: Buffer, name = 'スクリーンショット.png') =>
  a.app.inject({
    method: 'POST',
    url: `/api/intake/consultations/${id}/files?name=${encodeURIComponent(name)}`,
    headers: { ...who.headers(), 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
const download = (who: Agent, id: string, fileId: string) =>
  a.app.inject({ url: `/api/intake/consultations/${id}/files/${fileId}`, headers: who.headers() });
const blobOf = async (fileId: string) =>
  (await a.db.kysely.selectFrom('evidence_file').select('blob_id').where('id', '=', fileId).executeTakeFirstOrThrow()).blob_id as string;

const sms = Buffer.from('【重要】青葉 花子 様 お客様の口座が凍結されました。https://example-bank.top/verify 090-1234-5678');

test('the same evidence is stored once within a record, and separately (unlinkable) for another station', async () => {
  const mine = await record(chuo);
  const first = await upload(chuo, mine, sms);
  const again = await upload(chuo, mine, sms, 'もう一度.png');
  assert.equal(again.statusCode, 201, again.body);
  assert.equal(await blobOf(first.json().id), await blobOf(again.json().id), 'one stored file for the record');

  const theirs = await record(ishinomaki);
  const other = await upload(ishinomaki, theirs, sms);
  assert.equal(other.statusCode, 201, other.body);
  const a1 = await blobOf(first.json().id);
  const b1 = await blobOf(other.json().id);
  assert.notEqual(a1, b1);
  assert.equal(
    (await storedBytes(place(), a1)).equals(await storedBytes(place(), b1)),
    false,
    'nothing stored tells that both stations hold the same file',
  );
  for (const f of await allStored(place())) assert.equal(f.includes(Buffer.from('青葉 花子')), false);
  assert.deepEqual((await download(ishinomaki, theirs, other.json().id)).rawPayload, sms);
});

test('a damaged stored file is refused with files.corrupt instead of sending altered bytes', async () => {
  const id = await record(chuo);
  const up = await upload(chuo, id, sms);
  const blob = await blobOf(up.json().id);
  const bytes = await storedBytes(place(), blob);
  bytes[bytes.length - 30] = (bytes[bytes.length - 30] as number) ^ 0x01;
  await replaceStored(place(), blob, bytes);
  const dl = await download(chuo, id, up.json().id);
  assert.equal(dl.statusCode, 500);
  assert.equal(dl.json().error.code, 'files.corrupt');
  assert.match(dl.json().error.message, /破損|改ざん/);
  assert.equal(dl.body.includes('青葉'), false);
});

test('an evidence file of several MB goes up and comes back byte for byte', async () => {
  const id = await record(chuo);
  const big = randomBytes(6 * 1024 * 1024 + 123);
  const up = await upload(chuo, id, big, '通話録音.wav');
  assert.equal(up.statusCode, 201, up.body);
  assert.equal(up.json().sha256, createHash('sha256').update(big).digest('hex'));
  const dl = await download(chuo, id, up.json().id);
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.rawPayload.equals(big), true);
});

test('plaintext evidence stored before encryption is encrypted at start-up and the plaintext removed', async () => {
  const [one, two] = [await record(chuo), await record(ishinomaki)];
  const legacy = Buffer.from('旧形式で保存された証拠: 青葉 花子 080-9876-5432');
  const sha = createHash('sha256').update(legacy).digest('hex');
  const plainPath = path.join(filesDir(), sha.slice(0, 2), sha);
  fs.mkdirSync(path.dirname(plainPath), { recursive: true });
  fs.writeFileSync(plainPath, legacy);
  const ids: string[] = [];
  for (const [recordId, unit] of [
    [one, chuo],
    [two, ishinomaki],
  ] as const) {
    const id = randomUUID();
    ids.push(id);
    const owner = await a.db.kysely
      .selectFrom('consultation')
      .select('owning_unit_id')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    await a.db.kysely
      .insertInto('evidence_file')
      .values({
        id,
        record_type: 'consultation',
        record_id: recordId,
        owning_unit_id: owner.owning_unit_id,
        file_name: '旧証拠.txt',
        size: legacy.length,
        sha256: sha,
        declared_type: null,
        uploaded_by: unit.info.user.id,
        uploaded_at: new Date().toISOString(),
        blob_id: null,
        data_key_enc: null,
      })
      .execute();
  }
  assert.equal(await encryptLegacyEvidence(a.db, a.ctx.files, createLogger('silent')), 2);
  assert.equal(fs.existsSync(plainPath), false, 'the plaintext is gone');
  for (const f of await allStored(place())) assert.equal(f.includes(Buffer.from('080-9876-5432')), false);
  assert.notEqual(await blobOf(ids[0] as string), await blobOf(ids[1] as string), 'each record its own encrypted copy');
  assert.deepEqual((await download(chuo, one, ids[0] as string)).rawPayload, legacy);
  assert.deepEqual((await download(ishinomaki, two, ids[1] as string)).rawPayload, legacy);
  assert.equal(await encryptLegacyEvidence(a.db, a.ctx.files, createLogger('silent')), 0, 'nothing left to do the next time');
});

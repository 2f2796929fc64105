import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { drain } from '../../testing/drain.js';
import { createKeyring, generateMasterKey } from '../crypto/crypto.keyring.js';
import { FRAME_SIZE } from './files.frames.js';
import { createFileStore, type FileStore, type StoredFile } from './files.store.js';

/** Evidence at rest: encrypted, streamed both ways, refused whole when anything on disk changed. */
let root: string;
let store: FileStore;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-filestore-'));
  const k = generateMasterKey('f1');
  store = createFileStore(root, createKeyring([k], k.id));
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

const blobPath = (f: StoredFile) => path.join(root, f.blobId.slice(0, 2), f.blobId);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}
const mail = Buffer.from(
  '件名: 未払い料金のお知らせ\n宛先: 青葉 花子 <hanako.aoba@example.jp>\n電話 090-1234-5678 に至急ご連絡ください。'.repeat(40),
);

test('the bytes on disk do not contain the plaintext, and the download is identical', async () => {
  const f = await store.put(mail);
  assert.equal(f.sha256, sha(mail));
  assert.equal(f.size, mail.length);
  const disk = fs.readFileSync(blobPath(f));
  for (const needle of ['青葉 花子', 'hanako.aoba', '090-1234-5678', '未払い料金'])
    assert.equal(disk.includes(Buffer.from(needle)), false, `${needle} is not on disk`);
  assert.equal((fs.statSync(blobPath(f)).mode & 0o777).toString(8), '600');
  assert.ok(f.dataKey.startsWith('enc1:f1:'), 'the data key is sealed under the keyring');
  assert.deepEqual(await readAll(await store.open(f)), mail);
});

test('the same file stored twice gets two unrelated names and keys', async () => {
  const a = await store.put(mail);
  const b = await store.put(mail);
  assert.notEqual(a.blobId, b.blobId);
  assert.equal(fs.readFileSync(blobPath(a)).equals(fs.readFileSync(blobPath(b))), false);
});

test('a flipped byte, a truncated file, a dropped or swapped frame each give files.corrupt, not data', async () => {
  const big = randomBytes(FRAME_SIZE * 3 + 100);
  const cases: [string, (b: Buffer) => Buffer][] = [
    ['flipped byte', (b) => Buffer.from(b.map((x, i) => (i === 20_000 ? x ^ 1 : x)))],
    ['truncated mid-frame', (b) => b.subarray(0, b.length - 5)],
    // Cut exactly after the second frame: what is left is whole frames, but none is marked final.
    ['truncated at a frame boundary', (b) => b.subarray(0, 15 + 2 * (FRAME_SIZE + 16))],
    [
      'frames swapped',
      (b) => {
        const h = b.subarray(0, 15);
        const f1 = b.subarray(15, 15 + FRAME_SIZE + 16);
        const f2 = b.subarray(15 + FRAME_SIZE + 16, 15 + 2 * (FRAME_SIZE + 16));
        return Buffer.concat([h, f2, f1, b.subarray(15 + 2 * (FRAME_SIZE + 16))]);
      },
    ],
    ['a middle frame dropped', (b) => Buffer.concat([b.subarray(0, 15 + FRAME_SIZE + 16), b.subarray(15 + 2 * (FRAME_SIZE + 16))])],
    ['header only', (b) => b.subarray(0, 15)],
  ];
  for (const [name, damage] of cases) {
    const f = await store.put(big);
    fs.writeFileSync(blobPath(f), damage(fs.readFileSync(blobPath(f))));
    await assert.rejects(store.open(f), (e: Error & { code?: string }) => e.code === 'files.corrupt', name);
  }
  const f = await store.put(big);
  await assert.rejects(store.open({ ...f, sha256: sha(Buffer.from('x')) }), /SHA-256/, 'the recorded hash is checked too');
});

test('a file of several MB is encrypted as it streams in and decrypted as it streams out', async () => {
  const total = 8 * 1024 * 1024;
  const piece = 64 * 1024;
  const expected = createHash('sha256');
  let onDiskBeforeTheEnd = 0;
  async function* source() {
    for (let sent = 0; sent < total; sent += piece) {
      const b = randomBytes(piece);
      expected.update(b);
      // Three quarters through, most of what was sent must already be ciphertext on disk.
      if (sent === total * 0.75)
        onDiskBeforeTheEnd = fs
          .readdirSync(root, { recursive: true })
          .map((p) => path.join(root, String(p)))
          .filter((p) => p.endsWith('.tmp'))
          .reduce((n, p) => n + fs.statSync(p).size, 0);
      yield b;
    }
  }
  const f = await store.put(Readable.from(source()));
  assert.equal(f.size, total);
  assert.equal(f.sha256, expected.digest('hex'));
  assert.ok(onDiskBeforeTheEnd > total / 2, `ciphertext written while the upload went on (${onDiskBeforeTheEnd} bytes)`);

  const { size, sha256, largestBuffered } = await drain(await store.open(f));
  assert.equal(size, total);
  assert.equal(sha256, f.sha256);
  assert.ok(largestBuffered <= 4 * FRAME_SIZE, `the download holds a few frames at a time, not the file (${largestBuffered})`);
});

test('more than the limit is refused with 413 and leaves no file behind', async () => {
  await assert.rejects(
    store.put(Readable.from([randomBytes(3000), randomBytes(3000)]), { maxBytes: 5000 }),
    (e: Error & { status?: number }) => e.status === 413,
  );
  assert.equal(fs.readdirSync(root, { recursive: true }).filter((p) => String(p).endsWith('.tmp')).length, 0);
});

test('an upload cut off midway (the client went away) fails and leaves no partial file', async () => {
  const src = new PassThrough();
  const put = store.put(src);
  src.write(randomBytes(200_000));
  setImmediate(() => src.destroy());
  await assert.rejects(put);
  assert.equal(fs.readdirSync(root, { recursive: true }).filter((p) => String(p).endsWith('.tmp')).length, 0);
});

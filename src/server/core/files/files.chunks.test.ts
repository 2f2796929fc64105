import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { drain } from '../../testing/drain.js';
import { freshDb, type TestDb, testEngine } from '../../testing/test-db.js';
import { createKeyring, generateMasterKey } from '../crypto/crypto.keyring.js';
import { CHUNK_SIZE, CONCURRENT_UPLOADS, createChunkFileStore } from './files.chunks.js';
import { FRAME_SIZE } from './files.frames.js';
import { createFileStore, type FileStore } from './files.store.js';

/**
 * The database store (PostgreSQL's, so several servers share evidence), on both engines: the same
 * encryption as on disk, chunks written in one transaction, streamed in and out, nothing left by
 * a refused or broken upload.
 */
let t: TestDb;
let root: string;
let store: FileStore;
const k = generateMasterKey('c1');
const keyring = createKeyring([k], k.id);
before(async () => {
  t = await freshDb();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-chunks-'));
  store = createChunkFileStore(t.db, keyring, { root, store: createFileStore(root, keyring) });
});
after(async () => {
  await t.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunksOf = (id: string) =>
  t.db.kysely.selectFrom('file_chunk').select(['seq', 'data']).where('file_id', '=', id).orderBy('seq').execute();
const chunkRows = async () => Number((await sql<{ n: number }>`select count(*) as n from file_chunk`.execute(t.db.kysely)).rows[0]?.n);
async function readAll(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}
const mail = Buffer.from('件名: 口座凍結のお知らせ\n宛先: 青葉 花子 <hanako.aoba@example.jp>\n090-1234-5678 まで'.repeat(4000));

test('the chunks hold ciphertext only, cut at 256 KiB, and the download is identical', async () => {
  const f = await store.put(mail);
  assert.equal(f.sha256, sha(mail));
  assert.ok(f.dataKey.startsWith('enc1:c1:'), 'the data key is sealed under the keyring, as on disk');
  const chunks = await chunksOf(f.blobId);
  assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
  chunks.forEach((c, i) => {
    assert.equal(c.seq, i);
    if (i < chunks.length - 1) assert.equal(c.data.length, CHUNK_SIZE);
  });
  const all = Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
  for (const needle of ['青葉 花子', 'hanako.aoba', '090-1234-5678', '口座凍結'])
    assert.equal(all.includes(Buffer.from(needle)), false, `${needle} is not stored`);
  assert.deepEqual(await readAll(await store.open(f)), mail);
  await store.remove(f.blobId);
  assert.equal((await chunksOf(f.blobId)).length, 0, 'remove deletes every chunk');
  await assert.rejects(store.open(f), (e: Error & { code?: string }) => e.code === 'files.missing');
});

test('a changed, dropped or swapped chunk gives files.corrupt, and so does a wrong recorded hash', async () => {
  const big = randomBytes(CHUNK_SIZE * 3);
  const damage: [string, (id: string) => Promise<unknown>][] = [
    [
      'flipped byte',
      (id) => sql`update file_chunk set data = ${randomBytes(CHUNK_SIZE)} where file_id = ${id} and seq = 1`.execute(t.db.kysely),
    ],
    ['last chunk dropped', (id) => sql`delete from file_chunk where file_id = ${id} and seq = 3`.execute(t.db.kysely)],
    ['middle chunk dropped', (id) => sql`delete from file_chunk where file_id = ${id} and seq = 1`.execute(t.db.kysely)],
    [
      'chunks swapped',
      async (id) => {
        await sql`update file_chunk set seq = 99 where file_id = ${id} and seq = 0`.execute(t.db.kysely);
        await sql`update file_chunk set seq = 0 where file_id = ${id} and seq = 1`.execute(t.db.kysely);
        await sql`update file_chunk set seq = 1 where file_id = ${id} and seq = 99`.execute(t.db.kysely);
      },
    ],
  ];
  for (const [name, change] of damage) {
    const f = await store.put(big);
    await change(f.blobId);
    await assert.rejects(store.open(f), (e: Error & { code?: string }) => e.code === 'files.corrupt', name);
  }
  const f = await store.put(big);
  await assert.rejects(store.open({ ...f, sha256: sha(Buffer.from('x')) }), /SHA-256/);
});

test('a 5 MB file is written chunk by chunk while it arrives and read back a chunk at a time', async () => {
  const total = 5 * 1024 * 1024;
  const piece = 64 * 1024;
  const expected = createHash('sha256');
  // PostgreSQL: another connection sees the table's storage grow while the upload is still open
  // (the rows stay invisible until commit). SQLite's one connection is held by the transaction.
  const measurable = t.db.dialect.engine === 'postgres';
  const tableSize = async () =>
    Number((await sql<{ n: number }>`select pg_total_relation_size('file_chunk') as n`.execute(t.db.kysely)).rows[0]?.n);
  const before = measurable ? await tableSize() : 0;
  let grownBeforeTheEnd = 0;
  async function* source() {
    for (let sent = 0; sent < total; sent += piece) {
      const b = randomBytes(piece);
      expected.update(b);
      if (measurable && sent === total * 0.75) grownBeforeTheEnd = (await tableSize()) - before;
      yield b;
    }
  }
  const f = await store.put(Readable.from(source()));
  assert.equal(f.size, total);
  assert.equal(f.sha256, expected.digest('hex'));
  assert.equal((await chunksOf(f.blobId)).length, Math.ceil((15 + total + (total / FRAME_SIZE) * 16) / CHUNK_SIZE));
  if (measurable) assert.ok(grownBeforeTheEnd > total / 2, `chunks written while the upload went on (${grownBeforeTheEnd} bytes)`);

  const { size, sha256, largestBuffered } = await drain(await store.open(f));
  assert.equal(size, total);
  assert.equal(sha256, f.sha256);
  assert.ok(
    largestBuffered <= CHUNK_SIZE + 2 * FRAME_SIZE,
    `the download holds about a chunk at a time, not the file (${largestBuffered})`,
  );
});

test('an upload over the limit or cut off midway leaves no chunk', async () => {
  const before = await chunkRows();
  await assert.rejects(
    store.put(Readable.from([randomBytes(CHUNK_SIZE), randomBytes(CHUNK_SIZE)]), { maxBytes: CHUNK_SIZE + 10 }),
    (e: Error & { status?: number }) => e.status === 413,
  );
  const src = new PassThrough();
  const put = store.put(src);
  // More than one chunk goes in before the client goes away: the rows already inserted roll back.
  src.write(randomBytes(CHUNK_SIZE * 2));
  setTimeout(() => src.destroy(), 50);
  await assert.rejects(put);
  assert.equal(await chunkRows(), before);
});

test('a dozen slow uploads at once leave the connection pool room for every other request', {
  // SQLite has one connection, which any open write transaction holds; it keeps files on disk.
  skip: testEngine !== 'postgres' && 'PostgreSQL only',
}, async () => {
  const sources = Array.from({ length: 12 }, () => new PassThrough());
  const puts = sources.map((src) => store.put(src));
  for (const src of sources) src.write(randomBytes(1000));
  await new Promise((r) => setTimeout(r, 200));
  // The pool has 10 connections: were all 12 uploads in a transaction, this would wait for one
  // until the pool's 5 s timeout. At most CONCURRENT_UPLOADS are, so it answers at once.
  const started = Date.now();
  try {
    await sql`select 1`.execute(t.db.kysely);
  } finally {
    // Ended whatever happened, so a failure here cannot leave the uploads holding the pool.
    for (const src of sources) src.end(randomBytes(1000));
  }
  assert.ok(Date.now() - started < 1000, `another request is served while the uploads go on (${Date.now() - started} ms)`);
  const files = await Promise.all(puts);
  assert.equal(new Set(files.map((f) => f.blobId)).size, 12);
  for (const f of files) assert.equal(f.size, 2000);
  assert.ok(CONCURRENT_UPLOADS < 10);
});

test('an upload whose client went away while it waited for its turn fails and frees its place', async () => {
  const busy = Array.from({ length: CONCURRENT_UPLOADS }, () => new PassThrough());
  const puts = busy.map((src) => store.put(src));
  const waiting = new PassThrough();
  // Its outcome is taken at once: it may fail before the others finish.
  const late = store.put(waiting).then(
    () => 'stored',
    (e: Error) => e.message,
  );
  waiting.destroy();
  for (const src of busy) src.end(randomBytes(1000));
  await Promise.all(puts);
  // Bounded: had it gone unnoticed, the upload would wait for an end forever, holding its place.
  const stuck = new Promise<string>((done) => setTimeout(() => done('still waiting'), 5000).unref());
  assert.match(await Promise.race([late, stuck]), /aborted/);
  assert.equal((await store.put(Buffer.from('次の証拠'))).size, Buffer.byteLength('次の証拠'), 'the next upload still gets a place');
});

test('files an earlier version left in the data directory move into the database unchanged', async () => {
  const disk = createFileStore(root, keyring);
  const f = await disk.put(mail);
  const file = path.join(root, f.blobId.slice(0, 2), f.blobId);
  const ciphertext = fs.readFileSync(file);
  assert.deepEqual(await readAll(await store.open(f)), mail, 'readable from the data directory before the move');
  assert.equal(await store.moveLocal?.(), 1);
  assert.equal(fs.existsSync(file), false, 'the data directory no longer holds it');
  const moved = Buffer.concat((await chunksOf(f.blobId)).map((c) => Buffer.from(c.data)));
  assert.ok(moved.equals(ciphertext), 'the same ciphertext: name and sealed key stay valid');
  assert.deepEqual(await readAll(await store.open(f)), mail);
  assert.equal(await store.moveLocal?.(), 0, 'nothing left to move');
});

import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Keyring } from '../crypto/crypto.keyring.js';
import type { Conn, Tx } from '../db/db.tx.js';
import { withTx } from '../db/db.tx.js';
import { filesErrors } from './files.errors.js';
import { dataKeyOf, type FileStore, newFile, openChecked, sealUpload, validBlobId } from './files.store.js';

/**
 * The database store: a file's ciphertext (the same frames as on disk, files.frames.ts) cut into
 * `CHUNK_SIZE` rows of `file_chunk`, so every server on one PostgreSQL serves every file and a
 * database backup (pg_dump) holds them. All of a file's chunks are inserted in one transaction
 * while the upload streams in, so an upload refused or cut off leaves no row; reads fetch one chunk
 * at a time, so neither direction holds the file in memory. The price: an upload in progress holds
 * one pooled connection (and its transaction) until its last byte arrives, so at most
 * `CONCURRENT_UPLOADS` write at once and the rest wait their turn: slow uploads must never take
 * the whole pool (10 connections) from every other request.
 *
 * Files an earlier version wrote to this server's data directory stay readable through `local`
 * until `moveLocal` (run at start-up) has copied them in, ciphertext unchanged.
 */
export const CHUNK_SIZE = 256 * 1024;
export const CONCURRENT_UPLOADS = 4;

/** Run at most `n` of the given tasks at once; the others wait in order. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its place straight to the next in line.
    if (active >= n) await new Promise<void>((go) => waiting.push(go));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** Collects what is written into `CHUNK_SIZE` rows, each inserted before more is accepted. */
function chunkWriter(tx: Tx, fileId: string): Writable {
  let seq = 0;
  let parts: Buffer[] = [];
  let held = 0;
  const insert = async (data: Buffer) => {
    await tx.kysely.insertInto('file_chunk').values({ file_id: fileId, seq: seq++, data }).execute();
  };
  const flushFull = async () => {
    while (held >= CHUNK_SIZE) {
      const all = Buffer.concat(parts);
      await insert(all.subarray(0, CHUNK_SIZE));
      const rest = all.subarray(CHUNK_SIZE);
      parts = rest.length > 0 ? [Buffer.from(rest)] : [];
      held = rest.length;
    }
  };
  return new Writable({
    highWaterMark: CHUNK_SIZE,
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      held += chunk.length;
      flushFull().then(() => cb(), cb);
    },
    final(cb) {
      (held > 0 ? insert(Buffer.concat(parts)) : Promise.resolve()).then(() => cb(), cb);
    },
  });
}

/** A stored file's chunks in order, fetched one at a time as the reader asks for them. */
function chunkReader(db: Conn, fileId: string): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq++) {
      const row = await db.kysely
        .selectFrom('file_chunk')
        .select('data')
        .where('file_id', '=', fileId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!row) return;
      yield Buffer.from(row.data);
    }
  }
  // Byte mode with a one-chunk mark: Readable.from's object mode would read 16 chunks ahead.
  return Readable.from(chunks(), { objectMode: false, highWaterMark: CHUNK_SIZE });
}

async function stored(db: Conn, fileId: string): Promise<boolean> {
  const row = await db.kysely.selectFrom('file_chunk').select('seq').where('file_id', '=', fileId).where('seq', '=', 0).executeTakeFirst();
  return row !== undefined;
}

export function createChunkFileStore(db: Conn, keyring: Keyring, local: { root: string; store: FileStore }): FileStore {
  const writing = limiter(CONCURRENT_UPLOADS);
  return {
    async put(source, opts = {}) {
      const { blobId, key, sealed } = newFile(keyring);
      const { sha256, size } = await writing(() => withTx(db, (tx) => sealUpload(source, opts.maxBytes, key, chunkWriter(tx, blobId))));
      return { blobId, dataKey: sealed(), sha256, size };
    },

    async open(f) {
      if (!validBlobId(f.blobId)) throw filesErrors.create('files.missing');
      if (!(await stored(db, f.blobId))) return local.store.open(f);
      return openChecked(() => chunkReader(db, f.blobId), dataKeyOf(keyring, f), f);
    },

    async remove(blobId) {
      if (!validBlobId(blobId)) return;
      await db.kysely.deleteFrom('file_chunk').where('file_id', '=', blobId).execute();
      await local.store.remove(blobId);
    },

    legacy: (sha256) => local.store.legacy(sha256),

    async moveLocal() {
      if (!fs.existsSync(local.root)) return 0;
      let moved = 0;
      for (const dir of fs.readdirSync(local.root)) {
        if (!/^[0-9a-f]{2}$/.test(dir)) continue;
        for (const name of fs.readdirSync(path.join(local.root, dir))) {
          // Encrypted files only (32 hex); plaintext from before encryption (64 hex) is `legacy`'s.
          if (!validBlobId(name)) continue;
          const file = path.join(local.root, dir, name);
          if (!(await stored(db, name))) {
            await withTx(db, (tx) => pipeline(fs.createReadStream(file), chunkWriter(tx, name)));
          }
          fs.rmSync(file, { force: true });
          moved++;
        }
      }
      return moved;
    },
  };
}

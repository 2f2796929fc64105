import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Keyring } from '../crypto/crypto.keyring.js';
import { bodyTooLarge } from '../errors/core.errors.js';
import { filesErrors } from './files.errors.js';
import { openFrames, sealFrames } from './files.frames.js';

/**
 * Uploaded files (evidence: screenshots, mails with victims' details), encrypted at rest and
 * streamed both ways, never held whole in memory. Each file gets a random name and its own random
 * data key (files.frames.ts has the format); the data key is sealed under the keyring's active key
 * and kept by the caller in the database (`dataKey`), registered as an encrypted field so `renkei
 * keys rotate` re-seals it and `keys retire` keeps a key while a file needs it. The plaintext's
 * SHA-256 is computed on the way in and checked on the way out. Random names and keys make the
 * same evidence uploaded for two records unlinkable on disk; de-duplication, where wanted, is the
 * caller's, within one record (it can reuse a stored file it already holds).
 *
 * Where the ciphertext lives is the store's: under this server's data directory (`createFileStore`,
 * SQLite) or in the database's `file_chunk` table (`files.chunks.ts`, PostgreSQL, so every server
 * on it serves every file); `files.open.ts` picks by `Dialect.fileContent`. Both keep the same
 * format, names and sealed keys, so callers (intake, and later cases and forensics) see no difference.
 *
 * Files written before encryption (content-addressed plaintext, `ab/<sha256>`) are still readable
 * through `legacy` so an upgrade step can encrypt them and remove the plaintext.
 */
export interface StoredFile {
  blobId: string;
  /** The file's data key, sealed under the keyring (`enc1:<key id>:…`). */
  dataKey: string;
  sha256: string;
  size: number;
}

export interface FileStore {
  /** Encrypt a stream into storage; refuses more than `maxBytes` (413) and leaves nothing behind. */
  put(source: Readable | Buffer, opts?: { maxBytes?: number }): Promise<StoredFile>;
  /**
   * The plaintext as a stream. The whole file is authenticated and its SHA-256 checked first
   * (streamed, nothing kept), so a damaged file is a clear `files.corrupt` before any byte is sent.
   */
  open(f: StoredFile): Promise<Readable>;
  remove(blobId: string): Promise<void>;
  /** A plaintext file from before encryption, by its SHA-256, or null. */
  legacy(sha256: string): { open(): Readable; remove(): void } | null;
  /**
   * Move files an earlier version left in this server's data directory into shared storage (the
   * same ciphertext, so names and sealed keys stay valid); the number moved. Absent when the data
   * directory is the storage.
   */
  moveLocal?(): Promise<number>;
}

/** The associated data binding a sealed data key to its file (also used by key rotation). */
export const fileKeyAad = (blobId: string) => `file.data_key:${blobId}`;

/** Counts and hashes the plaintext passing through; `limit` bytes at most. */
function measure(limit: number | undefined) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (limit !== undefined && size > limit) return cb(bodyTooLarge(limit));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

const discard = () =>
  new Writable({
    write(_c, _e, cb) {
      cb();
    },
  });

/**
 * Measure, hash and encrypt an upload into `sink` under `key`; rejects when the source fails,
 * ends early or exceeds `maxBytes`. Shared by every store so each refuses uploads the same way;
 * removing what the sink already received is the store's.
 */
export async function sealUpload(
  source: Readable | Buffer,
  maxBytes: number | undefined,
  key: Buffer,
  sink: Writable,
): Promise<{ sha256: string; size: number }> {
  const m = measure(maxBytes);
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  // Gone before we began (it waited for its turn, files.chunks.ts): its 'close' will not come again.
  if (input.destroyed && !input.readableEnded) throw new Error('upload aborted before its end');
  // Piped rather than put in the pipeline: on a refusal the request stream is drained, not
  // destroyed, so the client still gets its 413.
  input.pipe(m.stream);
  input.once('error', (e) => m.stream.destroy(e));
  // A client that goes away mid-upload: no end will come, so give up and remove the partial file.
  input.once('close', () => {
    if (!input.readableEnded) m.stream.destroy(new Error('upload aborted before its end'));
  });
  try {
    await pipeline(m.stream, sealFrames(key), sink);
  } catch (e) {
    input.unpipe(m.stream);
    input.resume();
    throw e;
  }
  return m.result();
}

/**
 * Authenticate and hash a whole stored file without keeping it, then hand out a second read,
 * authenticated again while it streams (a file changed between the check and now errors the stream).
 */
export async function openChecked(read: () => Readable, dataKey: Buffer, f: StoredFile): Promise<Readable> {
  const m = measure(undefined);
  await pipeline(read(), openFrames(dataKey), m.stream, discard());
  const got = m.result();
  if (got.sha256 !== f.sha256 || got.size !== f.size) throw filesErrors.create('files.corrupt', { reason: 'SHA-256 mismatch' });
  const out = openFrames(dataKey);
  pipeline(read(), out).catch(() => {});
  return out;
}

/** A new file's random name and data key, and how its data key is kept (sealed, bound to the name). */
export function newFile(keyring: Keyring) {
  const blobId = randomBytes(16).toString('hex');
  const key = randomBytes(32);
  return { blobId, key, sealed: () => keyring.encrypt(key.toString('base64'), fileKeyAad(blobId)) };
}

export const validBlobId = (blobId: string) => /^[0-9a-f]{32}$/.test(blobId);

/** The data key of a stored file, unsealed. */
export const dataKeyOf = (keyring: Keyring, f: StoredFile) => Buffer.from(keyring.decrypt(f.dataKey, fileKeyAad(f.blobId)), 'base64');

/** The data-directory store: one file per stored file under `root`, 0600. */
export function createFileStore(root: string, keyring: Keyring): FileStore {
  const where = (name: string) => path.join(root, name.slice(0, 2), name);

  return {
    async put(source, opts = {}) {
      const { blobId, key, sealed } = newFile(keyring);
      const target = where(blobId);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const tmp = `${target}.tmp`;
      try {
        // flush: fsync before close, then rename, so a crash never leaves half a file under a name.
        // Opened here, not lazily by the stream, so a failure below always finds the file to remove.
        const fd = fs.openSync(tmp, 'wx', 0o600);
        const { sha256, size } = await sealUpload(source, opts.maxBytes, key, fs.createWriteStream(tmp, { fd, flush: true }));
        fs.renameSync(tmp, target);
        return { blobId, dataKey: sealed(), sha256, size };
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        // Also when the file could not be opened: the request is drained so its answer still goes out.
        if (!Buffer.isBuffer(source)) source.resume();
        throw e;
      }
    },

    async open(f) {
      if (!validBlobId(f.blobId)) throw filesErrors.create('files.missing');
      const file = where(f.blobId);
      if (!fs.existsSync(file)) throw filesErrors.create('files.missing');
      return openChecked(() => fs.createReadStream(file), dataKeyOf(keyring, f), f);
    },

    async remove(blobId) {
      if (validBlobId(blobId)) fs.rmSync(where(blobId), { force: true });
    },

    legacy(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      const file = where(sha256);
      if (!fs.existsSync(file)) return null;
      return {
        open: () => fs.createReadStream(file),
        remove: () => fs.rmSync(file, { force: true }),
      };
    },
  };
}

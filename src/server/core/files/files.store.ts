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
  /** Encrypt a stream to disk; refuses more than `maxBytes` (413) and leaves nothing behind. */
  put(source: Readable | Buffer, opts?: { maxBytes?: number }): Promise<StoredFile>;
  /**
   * The plaintext as a stream. The whole file is authenticated and its SHA-256 checked first
   * (streamed, nothing kept), so a damaged file is a clear `files.corrupt` before any byte is sent.
   */
  open(f: StoredFile): Promise<Readable>;
  remove(blobId: string): void;
  /** A plaintext file from before encryption, by its SHA-256, or null. */
  legacy(sha256: string): { open(): Readable; remove(): void } | null;
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

export function createFileStore(root: string, keyring: Keyring): FileStore {
  const where = (name: string) => path.join(root, name.slice(0, 2), name);
  const valid = (blobId: string) => /^[0-9a-f]{32}$/.test(blobId);

  /** Read, authenticate and hash a whole stored file without keeping it. */
  async function check(file: string, dataKey: Buffer, f: StoredFile): Promise<void> {
    const m = measure(undefined);
    await pipeline(fs.createReadStream(file), openFrames(dataKey), m.stream, discard());
    const got = m.result();
    if (got.sha256 !== f.sha256 || got.size !== f.size) throw filesErrors.create('files.corrupt', { reason: 'SHA-256 mismatch' });
  }

  return {
    async put(source, opts = {}) {
      const blobId = randomBytes(16).toString('hex');
      const target = where(blobId);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const tmp = `${target}.tmp`;
      const key = randomBytes(32);
      const m = measure(opts.maxBytes);
      const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
      // Piped rather than put in the pipeline: on a refusal the request stream is drained, not
      // destroyed, so the client still gets its 413.
      input.pipe(m.stream);
      input.once('error', (e) => m.stream.destroy(e));
      // A client that goes away mid-upload: no end will come, so give up and remove the partial file.
      input.once('close', () => {
        if (!input.readableEnded) m.stream.destroy(new Error('upload aborted before its end'));
      });
      try {
        // flush: fsync before close, then rename, so a crash never leaves half a file under a name.
        // Opened here, not lazily by the stream, so a failure below always finds the file to remove.
        const fd = fs.openSync(tmp, 'wx', 0o600);
        await pipeline(m.stream, sealFrames(key), fs.createWriteStream(tmp, { fd, flush: true }));
        fs.renameSync(tmp, target);
      } catch (e) {
        input.unpipe(m.stream);
        input.resume();
        fs.rmSync(tmp, { force: true });
        throw e;
      }
      const { sha256, size } = m.result();
      return { blobId, dataKey: keyring.encrypt(key.toString('base64'), fileKeyAad(blobId)), sha256, size };
    },

    async open(f) {
      if (!valid(f.blobId)) throw filesErrors.create('files.missing');
      const file = where(f.blobId);
      if (!fs.existsSync(file)) throw filesErrors.create('files.missing');
      const key = Buffer.from(keyring.decrypt(f.dataKey, fileKeyAad(f.blobId)), 'base64');
      await check(file, key, f);
      const out = openFrames(key);
      // Authenticated again while streaming: a file changed between the check and now errors the stream.
      pipeline(fs.createReadStream(file), out).catch(() => {});
      return out;
    },

    remove(blobId) {
      if (valid(blobId)) fs.rmSync(where(blobId), { force: true });
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

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform } from 'node:stream';
import { filesErrors } from './files.errors.js';

/**
 * The encrypted file format, streamed: a 15-byte header (`RKF1`, frame size, random nonce prefix)
 * then frames of up to `frameSize` plaintext bytes, each AES-256-GCM under the file's own data
 * key with its 16-byte tag. A frame's nonce is prefix ‖ frame number ‖ final flag, and the header
 * is every frame's associated data (the STREAM construction): a flipped byte, a swapped or
 * dropped frame, or a file cut at a frame boundary (the last frame left is not marked final)
 * fails authentication instead of yielding altered plaintext. Memory use is one or two frames.
 */
export const FRAME_SIZE = 64 * 1024;
const MAGIC = Buffer.from('RKF1', 'latin1');
const HEADER_LEN = 4 + 4 + 7;
const TAG_LEN = 16;
const MAX_FRAME = 16 * 1024 * 1024;

function nonce(prefix: Buffer, counter: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(counter, 7);
  n[11] = final ? 1 : 0;
  return n;
}

const corrupt = (reason: string) => filesErrors.create('files.corrupt', { reason });

/** Encrypt a byte stream under `key` (32 bytes, used for this one file only). */
export function sealFrames(key: Buffer, frameSize = FRAME_SIZE): Transform {
  const prefix = randomBytes(7);
  const header = Buffer.alloc(HEADER_LEN);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(frameSize, 4);
  prefix.copy(header, 8);
  let counter = 0;
  let pending: Buffer = Buffer.alloc(0);
  const seal = (plain: Buffer, final: boolean): Buffer => {
    const c = createCipheriv('aes-256-gcm', key, nonce(prefix, counter++, final));
    c.setAAD(header);
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  };
  return new Transform({
    construct(cb) {
      this.push(header);
      cb();
    },
    transform(chunk: Buffer, _enc, cb) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      // A full frame is sealed as not-final only once more bytes follow it.
      let at = 0;
      while (pending.length - at > frameSize) {
        this.push(seal(pending.subarray(at, at + frameSize), false));
        at += frameSize;
      }
      pending = at === 0 ? pending : Buffer.from(pending.subarray(at));
      cb();
    },
    flush(cb) {
      this.push(seal(pending, true));
      cb();
    },
  });
}

/** Decrypt and authenticate what `sealFrames` made; errors with `files.corrupt` on any change. */
export function openFrames(key: Buffer): Transform {
  let header: Buffer | null = null;
  let prefix: Buffer = Buffer.alloc(0);
  let frameLen = 0;
  let counter = 0;
  let buf: Buffer = Buffer.alloc(0);
  const open = (frame: Buffer, final: boolean): Buffer => {
    if (frame.length < TAG_LEN) throw corrupt('truncated');
    try {
      const d = createDecipheriv('aes-256-gcm', key, nonce(prefix, counter++, final));
      d.setAAD(header as Buffer);
      d.setAuthTag(frame.subarray(frame.length - TAG_LEN));
      return Buffer.concat([d.update(frame.subarray(0, frame.length - TAG_LEN)), d.final()]);
    } catch {
      throw corrupt(final ? 'last frame fails authentication (altered or truncated)' : `frame ${counter - 1} fails authentication`);
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      try {
        buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
        if (!header) {
          if (buf.length < HEADER_LEN) return cb();
          header = Buffer.from(buf.subarray(0, HEADER_LEN));
          if (!header.subarray(0, 4).equals(MAGIC)) throw corrupt('not an encrypted Renkei file');
          const size = header.readUInt32BE(4);
          if (size === 0 || size > MAX_FRAME) throw corrupt('bad frame size');
          frameLen = size + TAG_LEN;
          prefix = header.subarray(8, HEADER_LEN);
          buf = buf.subarray(HEADER_LEN);
        }
        // A whole frame with bytes after it cannot be the last one.
        let at = 0;
        while (buf.length - at > frameLen) {
          this.push(open(buf.subarray(at, at + frameLen), false));
          at += frameLen;
        }
        buf = at === 0 ? buf : Buffer.from(buf.subarray(at));
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
    flush(cb) {
      try {
        if (!header) throw corrupt('truncated header');
        this.push(open(buf, true));
        cb();
      } catch (e) {
        cb(e as Error);
      }
    },
  });
}

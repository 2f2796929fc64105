import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Read a download to its end keeping only its length, hash and the most it ever held buffered:
 * what a test needs to show a large file streamed through without being held whole.
 */
export async function drain(out: Readable): Promise<{ size: number; sha256: string; largestBuffered: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let largestBuffered = 0;
  for await (const c of out) {
    hash.update(c as Buffer);
    size += (c as Buffer).length;
    largestBuffered = Math.max(largestBuffered, out.readableLength);
  }
  return { size, sha256: hash.digest('hex'), largestBuffered };
}

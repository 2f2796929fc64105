import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Uploaded files, stored by their SHA-256 under `<dataDir>/files/ab/abcdef…`. Content-addressed:
 * the name says nothing about the file, the same evidence uploaded twice is stored once, and a
 * file is never opened, unpacked or executed by Renkei — only hashed, stored and sent back.
 * Written to a temporary name and renamed, so a crash never leaves half a file under a hash.
 */
export interface FileStore {
  put(bytes: Buffer): { sha256: string; size: number };
  read(sha256: string): Buffer | null;
}

export function createFileStore(root: string): FileStore {
  const where = (sha: string) => path.join(root, sha.slice(0, 2), sha);
  return {
    put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = where(sha256);
      if (!fs.existsSync(target)) {
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        const fd = fs.openSync(tmp, 'wx', 0o600);
        try {
          fs.writeSync(fd, bytes);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.renameSync(tmp, target);
      }
      return { sha256, size: bytes.length };
    },
    read(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      try {
        return fs.readFileSync(where(sha256));
      } catch {
        return null;
      }
    },
  };
}

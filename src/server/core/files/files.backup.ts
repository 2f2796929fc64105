import fs from 'node:fs';
import path from 'node:path';
import { filesErrors } from './files.errors.js';

/**
 * Where the data directory holds the files (SQLite), a database backup alone would restore rows
 * whose evidence is gone: the backup copies `<dataDir>/files` beside the database copy, as
 * `<backup>.files/`, and a restore puts it back. On PostgreSQL the files are rows of `file_chunk`
 * and travel with pg_dump. The copy is ciphertext: its data keys are sealed in the database under
 * the master key, which is backed up apart from both.
 */
export const filesBackupDir = (backupFile: string) => `${backupFile}.files`;

/** Copy every stored file (owner-only, like the originals); the number copied. */
function copyTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let n = 0;
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dest = path.join(to, e.name);
    if (e.isDirectory()) n += copyTree(src, dest);
    // A `.tmp` is an upload still arriving: not a stored file, no row points at it.
    else if (e.isFile() && !e.name.endsWith('.tmp')) {
      fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(dest, 0o600);
      n++;
    }
  }
  return n;
}

/**
 * After the database copy was taken: files are only added before their row is committed and
 * removed once no row needs them, so every row in the copy finds its file (at worst the copy
 * holds a few files no row names yet).
 */
export function backupFiles(dataDir: string, backupFile: string): number {
  return copyTree(path.join(dataDir, 'files'), filesBackupDir(backupFile));
}

/** Put a backup's files back into a data directory whose `files` is absent or empty. */
export function restoreFiles(backupFile: string, dataDir: string): number {
  const target = path.join(dataDir, 'files');
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw filesErrors.create('files.restore_target_not_empty', { path: target });
  return copyTree(filesBackupDir(backupFile), target);
}

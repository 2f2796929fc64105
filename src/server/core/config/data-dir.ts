import fs from 'node:fs';
import { coreErrors } from '../errors/core.errors.js';

/** Create the data directory if needed and prove it writable before anything else touches it. */
export function ensureWritableDir(dir: string): void {
  try {
    // A data directory Renkei creates is its own: database, keys, evidence and backups (0700).
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const probe = `${dir}/.write-probe-${process.pid}`;
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw coreErrors.create('config.data_dir_unwritable', { path: dir, reason }, { cause: e });
  }
}

import { z } from 'zod';
import type { Config } from './core/config/config.js';
import { ensureWritableDir } from './core/config/data-dir.js';
import { cryptoErrors } from './core/crypto/crypto.errors.js';
import { databaseHasKeys, verifyKeysAgainstDb } from './core/crypto/crypto.fields.js';
import type { ReloadableKeyring } from './core/crypto/crypto.keyring.js';
import { createKeyFile, keySourceExists, loadReloadableKeyring } from './core/crypto/crypto.keysource.js';
import { migrate } from './core/db/db.migrate.js';
import { type Db, type DbTarget, openDb } from './core/db/db.open.js';
import { migrations } from './modules.js';

/**
 * Opening the database and its keys, shared by the server (main.ts) and every CLI command. Kept
 * apart from main.ts so that a command (an import, a backup) does not load the HTTP server.
 */

// Validation messages in Japanese, the language of the people reading them (API details, CLI).
z.config(z.locales.ja());

export function dbTargetOf(config: Config): DbTarget {
  return config.database.engine === 'postgres'
    ? { engine: 'postgres', url: config.database.url }
    : { engine: 'sqlite', file: config.database.file };
}

/** Open the configured database (checking the data directory first) and bring its schema up to date. */
export async function openAndMigrate(config: Config, onApplied?: (name: string) => void): Promise<Db> {
  if (config.database.engine === 'sqlite') ensureWritableDir(config.dataDir);
  const db = await openDb(dbTargetOf(config));
  try {
    await migrate(db, migrations, { onApplied });
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/**
 * Open the keyring and prove it fits the database. On a database that has never met a key, a
 * missing key file is created; otherwise a missing or wrong key stops start-up, because running
 * without it would mean personal data in plaintext or unreadable.
 */
export async function openKeyring(config: Config, db: Db): Promise<{ keyring: ReloadableKeyring; created: boolean }> {
  let created = false;
  if (!keySourceExists(config.keys)) {
    if (await databaseHasKeys(db))
      throw cryptoErrors.create('crypto.key_missing', { where: config.keys.kind === 'file' ? config.keys.path : 'RENKEI_ENCRYPTION_KEYS' });
    if (config.keys.kind === 'file') createKeyFile(config.keys.path);
    created = true;
  }
  const keyring = loadReloadableKeyring(config.keys);
  await verifyKeysAgainstDb(db, keyring);
  return { keyring, created };
}

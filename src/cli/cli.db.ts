import { createAuditAnchor } from '../server/core/audit/audit.anchor.js';
import type { Config } from '../server/core/config/config.js';
import type { Keyring } from '../server/core/crypto/crypto.keyring.js';
import type { Db } from '../server/core/db/db.open.js';
import { createLogger } from '../server/core/log/logger.js';
import { openAndMigrate, openKeyring } from '../server/open.js';

/**
 * Open the database for a command that may write audit events: the keys are proved to fit
 * (exactly as `serve` does), and the trail is anchored like the server's, so the command's events
 * are keyed and move the head checkpoint. `keyring` replaces the configured one (key rotation).
 */
export async function withAnchoredDb<T>(config: Config, fn: (db: Db) => Promise<T>, keyring?: Keyring): Promise<T> {
  const db = await openAndMigrate(config);
  try {
    const keys = keyring ?? (await openKeyring(config, db)).keyring;
    const anchor = createAuditAnchor({ db, keys, file: config.auditHeadFile, logger: createLogger('silent') });
    await anchor.start();
    const result = await fn(db);
    await anchor.flush();
    return result;
  } finally {
    await db.close();
  }
}

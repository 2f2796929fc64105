import path from 'node:path';
import type { Keyring } from '../crypto/crypto.keyring.js';
import type { Conn } from '../db/db.tx.js';
import { createChunkFileStore } from './files.chunks.js';
import { createFileStore, type FileStore } from './files.store.js';

/**
 * The file store for this database: in the database itself where several servers share it
 * (PostgreSQL), under the data directory otherwise (SQLite). See `Dialect.fileContent`.
 */
export function openFileStore(db: Conn, dataDir: string, keyring: Keyring): FileStore {
  const root = path.join(dataDir, 'files');
  const local = createFileStore(root, keyring);
  return db.dialect.fileContent === 'database' ? createChunkFileStore(db, keyring, { root, store: local }) : local;
}

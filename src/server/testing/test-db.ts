import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../core/db/db.migrate.js';
import { type Db, openDb } from '../core/db/db.open.js';
import type { Migration } from '../core/db/migrations/migration.types.js';
import { migrations } from '../modules.js';

/** The engine the suite runs on: RENKEI_TEST_DB=postgres (with RENKEI_TEST_DATABASE_URL) or SQLite. */
export const testEngine: 'sqlite' | 'postgres' = process.env.RENKEI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDb {
  db: Db;
  /** For SQLite, the database file; for PostgreSQL, the connection URL and schema. */
  where: { file?: string; url?: string; schema?: string };
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database for one test: a new SQLite file in a temporary directory, or a
 * new schema on the test PostgreSQL server. Same code, same migrations, both engines.
 */
export async function freshDb(opts: { migrate?: boolean; migrations?: readonly Migration[] } = {}): Promise<TestDb> {
  let t: TestDb;
  if (testEngine === 'postgres') {
    const url = process.env.RENKEI_TEST_DATABASE_URL;
    if (!url) throw new Error('RENKEI_TEST_DB=postgres needs RENKEI_TEST_DATABASE_URL');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const db = await openDb({ engine: 'postgres', url, searchPath: schema });
    t = {
      db,
      where: { url, schema },
      async cleanup() {
        // The schema stays until the throwaway cluster is removed: dropping it while another test
        // process migrates makes Kysely's catalogue introspection fail on the vanishing tables.
        await db.close();
      },
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-test-'));
    const file = path.join(dir, 'renkei.sqlite');
    const db = await openDb({ engine: 'sqlite', file });
    t = {
      db,
      where: { file },
      async cleanup() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (opts.migrate !== false) await migrate(t.db, opts.migrations ?? migrations);
  return t;
}

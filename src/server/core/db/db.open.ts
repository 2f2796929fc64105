import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { coreErrors } from '../errors/core.errors.js';
import { type Dialect, dialectFor } from './db.dialect.js';
import type { Database } from './db.schema.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Human-readable target for messages: a file path or host/database, never a password. */
  target: string;
  /** PostgreSQL schema when not the default (each test gets its own). */
  schema?: string;
  close(): Promise<void>;
}

export type DbTarget = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; searchPath?: string };

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const JSON_OID = 114;
const JSONB_OID = 3802;
const INT8_OID = 20;

/** Timestamps come back as ISO-8601 UTC strings and JSON as text, exactly as SQLite gives them. */
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) {
      return (v: string) => new Date(oid === TIMESTAMP_OID ? `${v}Z` : v).toISOString();
    }
    if (oid === JSON_OID || oid === JSONB_OID) return (v: string) => v;
    if (oid === INT8_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function describeTarget(t: DbTarget): string {
  if (t.engine === 'sqlite') return t.file;
  try {
    const u = new URL(t.url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * The database holds personal data: only the server's account may read it. A new file is created
 * 0600 (SQLite then gives its -wal and -shm files the same mode); an older, wider file is narrowed.
 */
export function ownerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // -wal and -shm exist only while the database is open
    }
  }
}

function openSqlite(file: string): Db {
  let raw: SQLite.Database;
  try {
    ownerOnly(file);
    raw = new SQLite(file);
    // Reading the schema is the first thing that fails on a file that is not a database.
    raw.prepare('select count(*) from sqlite_schema').get();
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // The default 8 MB page cache thrashes once indexes reach millions of rows (measured: bulk
    // ingest fell from 47k to 9k sightings/s between 60k and 1M indicators); 256 MB keeps them hot.
    raw.pragma('cache_size = -262144');
    raw.pragma('temp_store = MEMORY');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw coreErrors.create('db.sqlite_corrupt', { path: file }, { cause: e });
    }
    throw coreErrors.create('db.unreachable', { target: file, reason: (e as Error).message }, { cause: e });
  }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    kysely,
    dialect: dialectFor('sqlite'),
    target: file,
    async close() {
      await kysely.destroy();
    },
  };
}

async function openPostgres(url: string, searchPath?: string): Promise<Db> {
  const target = describeTarget({ engine: 'postgres', url });
  // random_page_cost=1.1: with default costs a 10k-value batch lookup became a full scan (brief).
  // jit=off: our queries are short lookups whose cost estimates still cross JIT's threshold on
  // big tables; compiling them took ~90 ms of a 100 ms correlation (measured at 300k sightings).
  const options = ['-c random_page_cost=1.1', '-c TimeZone=UTC', '-c jit=off'];
  if (searchPath) options.push(`-c search_path=${searchPath}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    options: options.join(' '),
    types: pgTypes,
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw coreErrors.create('db.unreachable', { target, reason: (e as Error).message }, { cause: e });
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: dialectFor('postgres'),
    target,
    ...(searchPath ? { schema: searchPath } : {}),
    async close() {
      await kysely.destroy();
    },
  };
}

export async function openDb(t: DbTarget): Promise<Db> {
  return t.engine === 'sqlite' ? openSqlite(t.file) : openPostgres(t.url, t.searchPath);
}

/** True when a trivial query succeeds; used by /readyz. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}

/**
 * Online backup of a live SQLite database to `dest`, page by page, without stopping writers.
 * Opens its own connection so the server's handle is never shared.
 */
export async function sqliteBackup(file: string, dest: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const src = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    ownerOnly(dest);
    await src.backup(dest, {
      progress({ totalPages, remainingPages }) {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
  } finally {
    src.close();
  }
}

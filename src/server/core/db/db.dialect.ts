import { type Kysely, type QueryExecutorProvider, type RawBuilder, sql } from 'kysely';

/**
 * The few real differences between SQLite and PostgreSQL live here and nowhere else:
 * column types for timestamps, JSON and auto-increment keys, row locking for job claims,
 * and the per-engine setup that runs when a connection pool opens.
 */
export type Engine = 'sqlite' | 'postgres';

export interface Dialect {
  engine: Engine;
  /** Column type for a UTC timestamp (ISO text on SQLite, timestamptz on PostgreSQL). */
  timestamp: 'text' | 'timestamptz';
  /** Column type for a JSON document. */
  json: 'text' | 'jsonb';
  /** Auto-incrementing integer primary key, as a raw column definition. */
  serialPk: string;
  /** Row lock clause appended to a claim subquery so concurrent workers never take one row twice. */
  lockClause: string;
  /**
   * How full-text search is stored (see core/search): an FTS5 virtual table `<name>_fts` keyed
   * by rowid, walked in key order; or a `<name>_search` table with a tsvector and a GIN index,
   * whose planner needs help (bucket tokens, scan settings). Search code branches on this,
   * never on the engine.
   */
  fullText: 'fts5' | 'tsvector';
  /** Column type for raw bytes. */
  bytes: 'blob' | 'bytea';
  /**
   * Where uploaded files' (encrypted) content lives (core/files): under this server's data
   * directory, or in the database's `file_chunk` table so every server on it reaches them.
   * SQLite is one process on one machine, and a write transaction held for a whole upload would
   * stop every other writer; PostgreSQL is where several servers share one database.
   */
  fileContent: 'dataDir' | 'database';
}

export function dialectFor(engine: Engine): Dialect {
  return engine === 'postgres'
    ? {
        engine,
        timestamp: 'timestamptz',
        json: 'jsonb',
        serialPk: 'bigserial primary key',
        lockClause: 'for update skip locked',
        fullText: 'tsvector',
        bytes: 'bytea',
        fileContent: 'database',
      }
    : {
        engine,
        timestamp: 'text',
        json: 'text',
        serialPk: 'integer primary key autoincrement',
        // SQLite serialises writers, so a claim inside one write transaction is already exclusive.
        lockClause: '',
        fullText: 'fts5',
        bytes: 'blob',
        fileContent: 'dataDir',
      };
}

/**
 * A column a query tests but must not find rows by: the query walks another index (a unit's
 * records in time order, which carries the column) and checks this one on the way. SQLite plans
 * without statistics and, given an index on the filter column too, may take it and read the whole
 * prefecture's records of that value; its unary plus is the documented way to keep a term off an
 * index. PostgreSQL plans from statistics and is left to choose.
 */
export function filterOnly(d: Dialect, column: string): RawBuilder<unknown> {
  return d.engine === 'sqlite' ? sql`+${sql.ref(column)}` : sql`${sql.ref(column)}`;
}

/**
 * Serialise writers of one logical resource until the transaction ends (the audit hash chain
 * must read its last link and append without a concurrent append in between). SQLite already
 * allows one writer at a time; PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function lockForAppend(tx: { kysely: QueryExecutorProvider; dialect: Dialect }, resource: string): Promise<void> {
  if (tx.dialect.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${resource}))`.execute(tx.kysely);
}

/** After rows were inserted with explicit ids, make the next generated id follow them. */
export async function resyncSerial(db: Kysely<unknown>, d: Dialect, table: string): Promise<void> {
  if (d.engine === 'postgres') {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  }
  // SQLite's AUTOINCREMENT already continues after the largest id present.
}

/**
 * After a bulk load commits, bring the tables it filled to the state autovacuum would leave them
 * in, at once. PostgreSQL plans from statistics: without them a freshly loaded sighting table is
 * planned as if its values were evenly spread, and correlation fell to full scans. And it answers
 * from an index alone only for pages its visibility map marks all-visible: just after a load none
 * are, so every index-only scan also read the table (at 10M sightings, correlation's p99 was 27 ms
 * just after the load and 19 ms once vacuumed). VACUUM (ANALYZE) does both; it cannot run inside
 * a transaction, so the caller runs it after the load's own. SQLite has no statistics unless
 * ANALYZE ever ran (we never run it: its schema-based plans measured well) and no visibility map.
 */
export async function refreshStatistics(db: QueryExecutorProvider, d: Dialect, tables: string[]): Promise<void> {
  if (d.engine !== 'postgres' || tables.length === 0) return;
  await sql`vacuum (analyze) ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/** Triggers that make a table append-only, written in each engine's own trigger language. */
export async function makeAppendOnly(db: Kysely<unknown>, d: Dialect, table: string): Promise<void> {
  if (d.engine === 'postgres') {
    await sql
      .raw(
        `create or replace function ${table}_append_only() returns trigger language plpgsql as $$
         begin raise exception '${table} is append-only'; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_update_delete before update or delete on ${table}
         for each row execute function ${table}_append_only()`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_truncate before truncate on ${table}
         for each statement execute function ${table}_append_only()`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `create trigger ${table}_no_update before update on ${table}
         begin select raise(abort, '${table} is append-only'); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_no_delete before delete on ${table}
         begin select raise(abort, '${table} is append-only'); end`,
      )
      .execute(db);
  }
}

export type JsonColumnType = 'int' | 'text' | 'timestamp';

/**
 * Many rows as one parameter: a JSON array of arrays read back as a table. One short statement
 * whatever the row count, so bulk writes avoid parsing a fresh statement with thousands of
 * placeholders (SQLite spent more time preparing those than inserting). Column names are
 * the caller's constants, never input.
 */
export function jsonRows(d: Dialect, rows: unknown[][], columns: [name: string, type: JsonColumnType][]) {
  const json = JSON.stringify(rows);
  if (d.engine === 'postgres') {
    const cast = { int: 'bigint', text: 'text', timestamp: 'timestamptz' } as const;
    const cols = columns.map(([name, type], i) => `(j->>${i})::${cast[type]} as ${name}`).join(', ');
    return sql`(select ${sql.raw(cols)} from json_array_elements(${json}::json) as j)`;
  }
  const cols = columns.map(([name], i) => `j.value->>${i} as ${name}`).join(', ');
  return sql`(select ${sql.raw(cols)} from json_each(${json}) as j)`;
}

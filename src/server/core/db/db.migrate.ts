import { type Kysely, type MigrationProvider, Migrator, sql } from 'kysely';
import { coreErrors } from '../errors/core.errors.js';
import type { Db } from './db.open.js';
import type { Migration } from './migrations/migration.types.js';

const TABLE = 'renkei_migration';
const LOCK_TABLE = 'renkei_migration_lock';

export interface MigrationState {
  applied: string[];
  known: string[];
  pending: string[];
  unknown: string[];
}

function provider(db: Db, list: readonly Migration[]): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        // biome-ignore lint/suspicious/noExplicitAny: Kysely hands migrations an untyped handle.
        list.map((m) => [m.name, { up: (k: Kysely<any>) => m.up(k, db.dialect) }]),
      );
    },
  };
}

async function appliedNames(db: Db): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`select name from ${sql.table(TABLE)} order by name`.execute(db.kysely);
    return rows.rows.map((r) => r.name);
  } catch {
    return []; // no table yet: a fresh database
  }
}

export async function migrationState(db: Db, list: readonly Migration[]): Promise<MigrationState> {
  const applied = await appliedNames(db);
  const known = list.map((m) => m.name);
  return {
    applied,
    known,
    pending: known.filter((n) => !applied.includes(n)),
    unknown: applied.filter((n) => !known.includes(n)),
  };
}

/**
 * Apply pending migrations in order, each in its own transaction. A database that has
 * migrations this build does not know was written by a newer Renkei: refuse it, never guess.
 * The list is the composition root's (`src/server/modules.ts`): the core knows no domain's tables.
 */
export async function migrate(db: Db, list: readonly Migration[], opts: { onApplied?: (name: string) => void } = {}): Promise<string[]> {
  const before = await migrationState(db, list);
  if (before.unknown.length > 0) {
    throw coreErrors.create('db.schema_newer', { names: before.unknown.join(', ') });
  }
  const migrator = new Migrator({
    db: db.kysely,
    provider: provider(db, list),
    migrationTableName: TABLE,
    migrationLockTableName: LOCK_TABLE,
    // Kysely looks for its tables in every schema unless told which one is ours.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const done = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  for (const name of done) opts.onApplied?.(name);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw coreErrors.create('db.migration_failed', { name: failed }, { cause: error });
  }
  return done;
}

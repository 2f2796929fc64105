import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './db.dialect.js';
import type { Database } from './db.schema.js';

/**
 * A connection that knows its engine. Code that builds engine-specific SQL needs both, so they
 * travel together instead of as a `(trx, dialect)` pair. A `Db` is one (the pool), and so is a `Tx`.
 */
export interface Conn {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
}

/**
 * A connection inside a transaction. Writes that must commit together with the change (the
 * audit event, search index rows, sightings) take a `Tx`, so they cannot run outside one.
 */
export interface Tx extends Conn {
  readonly kysely: Transaction<Database>;
}

/** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export function withTx<T>(db: Conn, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute((kysely) => fn({ kysely, dialect: db.dialect }));
}

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
  /**
   * Run `fn` at the end of the transaction, after everything else in it and just before it
   * commits (in the order registered); a failure rolls the whole transaction back. The audit
   * chain appends here, so its lock — every writer's — is held for the append and the commit
   * only, not for the rest of a save.
   */
  beforeCommit(fn: () => Promise<void>): void;
}

/** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export function withTx<T>(db: Conn, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (kysely) => {
    const hooks: (() => Promise<void>)[] = [];
    const result = await fn({ kysely, dialect: db.dialect, beforeCommit: (h) => hooks.push(h) });
    // A hook may register another (an audited change made by a hook): run until none is left.
    for (let i = 0; i < hooks.length; i++) await (hooks[i] as () => Promise<void>)();
    return result;
  });
}

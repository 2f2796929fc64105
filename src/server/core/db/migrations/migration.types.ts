import type { Kysely } from 'kysely';
import type { Dialect } from '../db.dialect.js';

export interface Migration {
  /** Sortable, never renamed once released: `0001_core`. */
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
  up(db: Kysely<any>, d: Dialect): Promise<void>;
}

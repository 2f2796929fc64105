import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * PostgreSQL search rows gain the token of their key's bucket (see core/search `bucketTag`), so
 * that a search window is narrowed inside the GIN index. Rows indexed from now on carry it; this
 * adds it to those indexed before. SQLite's FTS5 walks its index in key order and needs none.
 * The bucket size (10,000) is written here as it was when this ran, on purpose.
 */
export const m0006SearchBuckets: Migration = {
  name: '0006_search_buckets',
  async up(db, d) {
    if (d.fullText !== 'tsvector') return;
    await sql`update consultation_search set doc = doc || ('seqw' || (seq / 10000))::tsvector`.execute(db);
  },
};

import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * The cyber division's own warning lists (known-benign values such as the prefecture's own
 * servers or a partner bank's domains). Kept in the database so every server sees the same lists.
 */
export const m0005WarningLists: Migration = {
  name: '0005_warninglists',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('warning_list')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      // A JSON array of canonical entries.
      .addColumn('entries', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text')
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
  },
};

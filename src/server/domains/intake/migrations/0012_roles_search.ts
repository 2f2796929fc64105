import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * - `indicator_roles`: the role an officer chose for a value of the record (相手方・被疑者側,
 *   相談者・被害者側, 不明), JSON `[{ type, value, role }]`; values not listed take the role the
 *   party fields give them.
 * - `search_version`: which version of the search text a record was indexed with. Records
 *   indexed before category labels and the written forms of indicators were added have 0 and are
 *   re-indexed in the background after start-up (`reindexStale`), on both engines.
 */
export const m0012RolesSearch: Migration = {
  name: '0012_roles_search',
  async up(db, d) {
    await db.schema.alterTable('consultation').addColumn('indicator_roles', sql.raw(d.json)).execute();
    await db.schema
      .alterTable('consultation')
      .addColumn('search_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('consultation_search_version_idx').on('consultation').columns(['search_version', 'seq']).execute();
  },
};

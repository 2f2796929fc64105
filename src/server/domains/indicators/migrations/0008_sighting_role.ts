import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * A sighting's role in its record: `offender` (相手方・被疑者側), `victim` (相談者・被害者側: the
 * complainant's own phone or account written again in the narrative) or `unknown`. Victim
 * sightings stay in their record and are never counted, looked up or correlated. The correlation
 * index gains the role, so leaving victims out still reads no table rows.
 */
export const m0008SightingRole: Migration = {
  name: '0008_sighting_role',
  async up(db) {
    await db.schema
      .alterTable('sighting')
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('unknown'))
      .execute();
    await db.schema
      .createIndex('sighting_indicator_role_idx')
      .on('sighting')
      .columns(['indicator_id', 'record_type', 'record_id', 'unit_id', 'role'])
      .execute();
    await db.schema.dropIndex('sighting_indicator_idx').execute();
  },
};

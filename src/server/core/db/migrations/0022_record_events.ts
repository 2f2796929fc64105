import { sql } from 'kysely';
import type { Migration } from './migration.types.js';

/**
 * One timeline for every record type (core/timeline): consultations, cases and whatever comes
 * next write their events here, so a record's 経過 is read and written one way. Intake's own
 * `consultation_event` rows move here in intake's `0023_intake_timeline`.
 */
export const m0022RecordEvents: Migration = {
  name: '0022_record_events',
  async up(db, d) {
    await db.schema
      .createTable('record_event')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('at', sql.raw(d.timestamp), (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_unit_id', 'text')
      .addColumn('text', 'text')
      .addColumn('detail', sql.raw(d.json))
      .execute();
    await db.schema.createIndex('record_event_record_idx').on('record_event').columns(['record_type', 'record_id', 'at']).execute();
  },
};

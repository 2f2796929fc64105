import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Cases (事件・事案) and the consultations they grew from. Lists walk a unit's cases by
 * `(owning_unit_id, created_at)` (core/access `readableParts`); a consultation finds its cases
 * by `consultation_id`.
 */
export const m0016Cases: Migration = {
  name: '0016_cases',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('case_record')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('case_no', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('lead_user_id', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('category', 'text')
      .addColumn('modus', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('narrative', 'text', (c) => c.notNull())
      .addColumn('arrested_count', 'integer')
      .addColumn('referred_on', 'text')
      .addColumn('drop_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_record_unit_created').on('case_record').columns(['owning_unit_id', 'created_at']).execute();
    await db.schema.createIndex('case_record_created').on('case_record').column('created_at').execute();

    await db.schema
      .createTable('case_consultation')
      .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
      .addColumn('linked_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('linked_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('case_consultation_pk', ['case_id', 'consultation_id'])
      .execute();
    await db.schema.createIndex('case_consultation_consultation').on('case_consultation').column('consultation_id').execute();
  },
};

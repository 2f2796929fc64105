import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * 令状: each case's warrants, from the request to the court to execution or return. The expiry job
 * walks issued warrants by the last day of their period (`case_warrant_expiry`).
 */
export const m0025CaseWarrants: Migration = {
  name: '0025_case_warrants',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('case_warrant')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('court', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('requested_on', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text')
      .addColumn('expires_on', 'text')
      .addColumn('executed_on', 'text')
      .addColumn('reason', 'text')
      .addColumn('expiry_notified_on', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_warrant_case_idx').on('case_warrant').column('case_id').execute();
    await db.schema.createIndex('case_warrant_expiry').on('case_warrant').columns(['status', 'expires_on']).execute();
  },
};

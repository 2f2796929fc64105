import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * 照会・保全: the recipient registry, each case's letters, and each unit's letter register. A
 * letter's number is taken from its unit's row for the year when it is approved, by one
 * increment that two approvers at once cannot both get (`letter_register` primary key).
 */
export const m0021LegalProcess: Migration = {
  name: '0021_legal_process',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('legal_recipient')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('bank_code', 'text')
      .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('legal_process')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('recipient_id', 'text', (c) => c.notNull().references('legal_recipient.id'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('letter_no', 'text', (c) => c.unique())
      .addColumn('drafted_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('approved_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('approved_at', ts)
      .addColumn('sent_on', 'text')
      .addColumn('answered_on', 'text')
      .addColumn('answer', 'text')
      .addColumn('withdraw_reason', 'text')
      // The 回答期限 a sent letter was last chased for: told once per due date.
      .addColumn('overdue_notified_on', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('legal_process_case').on('legal_process').columns(['case_id', 'seq']).execute();
    await db.schema.createIndex('legal_process_due').on('legal_process').columns(['status', 'due_on']).execute();
    await db.schema
      .createTable('letter_register')
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('year', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('last_no', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('letter_register_pk', ['unit_id', 'year'])
      .execute();
  },
};

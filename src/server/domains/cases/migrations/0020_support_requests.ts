import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Support requests (支援要請・共助) between units, their messages (replies on both sides and each
 * change of status, the request's timeline), and the deadlines per kind. A unit's inbox and outbox
 * walk `(to_unit_id | from_unit_id, created_at)`; the overdue job walks `due_at`; a case reads its
 * requests by `case_id`.
 */
export const m0020SupportRequests: Migration = {
  name: '0020_support_requests',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('support_request')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('request_no', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('to_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('case_id', 'text', (c) => c.references('case_record.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('channel', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('open', 'integer', (c) => c.notNull())
      .addColumn('due_at', ts)
      .addColumn('overdue_notified_at', ts)
      .addColumn('decline_reason', 'text')
      .addColumn('answer', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('support_request_to').on('support_request').columns(['to_unit_id', 'open', 'created_at']).execute();
    await db.schema.createIndex('support_request_from').on('support_request').columns(['from_unit_id', 'open', 'created_at']).execute();
    await db.schema.createIndex('support_request_due').on('support_request').columns(['open', 'due_at']).execute();
    await db.schema.createIndex('support_request_case').on('support_request').columns(['case_id', 'seq']).execute();

    await db.schema
      .createTable('support_request_message')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('support_request.id'))
      .addColumn('at', ts, (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('support_request_message_request').on('support_request_message').columns(['request_id', 'at']).execute();

    await db.schema
      .createTable('support_request_sla')
      .addColumn('kind', 'text', (c) => c.primaryKey())
      .addColumn('accept_hours', 'integer', (c) => c.notNull())
      .addColumn('answer_hours', 'integer', (c) => c.notNull())
      .execute();
  },
};

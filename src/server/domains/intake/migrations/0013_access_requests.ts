import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * 閲覧依頼 as a workflow: a request for other units' records that share an indicator is kept
 * until サイバー課 approves it (sharing the records it chose) or declines it with a reason, so
 * both sides see where it stands. Consultations remember when the follow-up reminder went out,
 * so a call that is due stays on the officer's home page until they record it or set a new date.
 * Indexes serve the home page's counts (reports per receiving and sending unit and state).
 */
export const m0013AccessRequests: Migration = {
  name: '0013_access_requests',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('access_request')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'bigint', (c) => c.notNull().references('indicator.id'))
      .addColumn('requester_user_id', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('requester_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('to_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('hidden', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.references('app_user.id'))
      .addColumn('decided_at', ts)
      .addColumn('decision_reason', 'text')
      .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('allow_reveal', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('access_request_to_state_idx')
      .on('access_request')
      .columns(['to_unit_id', 'state', 'created_at'])
      .execute();
    await db.schema
      .createIndex('access_request_requester_idx')
      .on('access_request')
      .columns(['requester_unit_id', 'indicator_id', 'created_at'])
      .execute();
    await db.schema.alterTable('consultation').addColumn('follow_up_reminded_at', ts).execute();
    await db.schema.createIndex('escalation_to_state_idx').on('escalation').columns(['to_unit_id', 'state']).execute();
    await db.schema.createIndex('escalation_from_state_idx').on('escalation').columns(['from_unit_id', 'state']).execute();
  },
};

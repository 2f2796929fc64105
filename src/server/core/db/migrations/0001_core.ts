import { sql } from 'kysely';
import { makeAppendOnly } from '../db.dialect.js';
import type { Migration } from './migration.types.js';

/** Organisation, accounts, sessions, the audit trail and the job queue. */
export const m0001Core: Migration = {
  name: '0001_core',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('unit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('unit.id'))
      .addColumn('prefecture_wide', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unit_parent_idx').on('unit').column('parent_id').execute();

    await db.schema
      .createTable('app_user')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('login_id', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('app_user_unit_idx').on('app_user').column('unit_id').execute();

    await db.schema
      .createTable('session')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('last_seen_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('client_ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

    await db.schema
      .createTable('audit_event')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('occurred_at', ts, (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_unit_id', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('request_id', 'text')
      .addColumn('client_ip', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('change_digest', 'text')
      .addColumn('detail', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_event_time_idx').on('audit_event').column('occurred_at').execute();
    await db.schema.createIndex('audit_event_target_idx').on('audit_event').columns(['target_type', 'target_id']).execute();
    await makeAppendOnly(db, d, 'audit_event');

    await db.schema
      .createTable('job')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', sql.raw(d.json), (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull())
      .addColumn('run_at', ts, (c) => c.notNull())
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', ts)
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('last_error', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('job_claim_idx').on('job').columns(['status', 'run_at']).execute();

    await db.schema
      .createTable('job_schedule')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('cron', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', sql.raw(d.json), (c) => c.notNull())
      .addColumn('next_run_at', ts, (c) => c.notNull())
      .addColumn('last_run_at', ts)
      .execute();
  },
};

import { sql } from 'kysely';
import type { Migration } from './migration.types.js';

/**
 * Security core: lockout and second-factor state on accounts, password history, recovery codes,
 * API tokens, login challenges, the encryption key check and record sharing for need-to-know.
 */
export const m0002Security: Migration = {
  name: '0002_security',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    // SQLite adds one column per ALTER TABLE.
    await db.schema
      .alterTable('app_user')
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('app_user').addColumn('locked_until', ts).execute();
    await db.schema.alterTable('app_user').addColumn('password_changed_at', ts).execute();
    await db.schema
      .alterTable('app_user')
      .addColumn('mfa_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('app_user').addColumn('totp_secret_enc', 'text').execute();
    await db.schema.alterTable('app_user').addColumn('totp_pending_enc', 'text').execute();
    await db.schema.alterTable('app_user').addColumn('totp_last_step', 'bigint').execute();

    await db.schema
      .createTable('password_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('password_history_user_idx').on('password_history').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('recovery_code')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('used_at', ts)
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('recovery_code_user_idx').on('recovery_code').column('user_id').execute();

    await db.schema
      .createTable('api_token')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes', sql.raw(d.json), (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('last_used_at', ts)
      .addColumn('revoked_at', ts)
      .execute();
    await db.schema.createIndex('api_token_user_idx').on('api_token').column('user_id').execute();

    await db.schema
      .createTable('login_challenge')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('key_check')
      .addColumn('key_id', 'text', (c) => c.primaryKey())
      .addColumn('check_value', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('record_share')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
      .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('record_share_record_idx').on('record_share').columns(['record_type', 'record_id']).execute();
    await db.schema.createIndex('record_share_unit_idx').on('record_share').columns(['unit_id', 'record_type']).execute();
    await db.schema.createIndex('record_share_user_idx').on('record_share').columns(['user_id', 'record_type']).execute();
  },
};

import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * A case's team (捜査班): officers of other units who work on it. Each member reads the case
 * through a share with them (`record_share`, whose id is kept here so that removing the member
 * removes exactly that share and no other grant they may hold).
 */
export const m0024CaseTeam: Migration = {
  name: '0024_case_team',
  async up(db, d) {
    await db.schema
      .createTable('case_member')
      .addColumn('case_id', 'text', (c) => c.notNull().references('case_record.id'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('share_id', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('added_at', sql.raw(d.timestamp), (c) => c.notNull())
      .addPrimaryKeyConstraint('case_member_pk', ['case_id', 'user_id'])
      .execute();
  },
};

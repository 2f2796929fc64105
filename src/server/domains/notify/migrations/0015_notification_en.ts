import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * A notification's English form beside its Japanese one, written when it is sent: the English
 * screen shows it (units by their English names). Notices sent before have none and stay Japanese.
 */
export const m0015NotificationEn: Migration = {
  name: '0015_notification_en',
  async up(db) {
    await db.schema.alterTable('notification').addColumn('title_en', 'text').execute();
    await db.schema.alterTable('notification').addColumn('body_en', 'text').execute();
  },
};

import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * A share with a unit grants reading and finding the record; showing the complainant's and
 * victim's personal fields in full is a separate, explicit grant (`allow_reveal`), off unless the
 * sharer ticks it. Shares made before this stay read-only: none of them said it would reveal.
 */
export const m0008ShareReveal: Migration = {
  name: '0008_share_reveal',
  async up(db) {
    await db.schema
      .alterTable('record_share')
      .addColumn('allow_reveal', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Lists filtered by 分類, 手口 or 状態 at a million records. Prefecture-wide, a value with few or no
 * records (違法・有害サイト, 終結) walked the whole time index looking for 50 (seconds): each filter
 * column now has its own index in time order. A unit's list walks its records by time and tests
 * the filters on the way: the unit's index carries the filter columns, so a rare value is found
 * without reading the unit's rows (see `filterOnly` for why SQLite is told to use this index).
 */
export const m0017ListIndexes: Migration = {
  name: '0017_list_indexes',
  async up(db) {
    for (const c of ['category', 'modus', 'status'] as const)
      await db.schema.createIndex(`consultation_${c}_received_idx`).on('consultation').columns([c, 'received_at']).execute();
    await db.schema.dropIndex('consultation_unit_received_idx').execute();
    await db.schema
      .createIndex('consultation_unit_received_idx')
      .on('consultation')
      .columns(['owning_unit_id', 'received_at', 'category', 'modus', 'status', 'escalation'])
      .execute();
  },
};

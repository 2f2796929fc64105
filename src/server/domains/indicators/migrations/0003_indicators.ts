import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Indicators (unique per type and canonical value), their sightings in records, and record
 * clusters (records connected through shared indicators). Integer keys: there will be millions.
 */
export const m0003Indicators: Migration = {
  name: '0003_indicators',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('indicator')
      .addColumn('id', sql.raw(d.serialPk))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', ts, (c) => c.notNull())
      .addColumn('last_seen_at', ts, (c) => c.notNull())
      .addColumn('record_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('common', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warning', 'text')
      .execute();
    await db.schema.createIndex('indicator_type_value_uq').on('indicator').columns(['type', 'value']).unique().execute();

    await db.schema
      .createTable('sighting')
      .addColumn('id', sql.raw(d.serialPk))
      .addColumn('indicator_id', 'bigint', (c) => c.notNull().references('indicator.id'))
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('seen_at', ts, (c) => c.notNull())
      .addColumn('start_offset', 'integer')
      .addColumn('end_offset', 'integer')
      .execute();
    // Covering index for correlation: the owning unit is in it, so need-to-know needs no table reads.
    await db.schema
      .createIndex('sighting_indicator_idx')
      .on('sighting')
      .columns(['indicator_id', 'record_type', 'record_id', 'unit_id'])
      .execute();
    await db.schema.createIndex('sighting_record_idx').on('sighting').columns(['record_type', 'record_id']).execute();

    await db.schema
      .createTable('record_cluster')
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('cluster_id', 'bigint', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addPrimaryKeyConstraint('record_cluster_pk', ['record_type', 'record_id'])
      .execute();
    await db.schema.createIndex('record_cluster_cluster_idx').on('record_cluster').column('cluster_id').execute();
    // Cluster sizes, so a merge rewrites the smaller clusters and never the large one (union by size).
    await db.schema
      .createTable('cluster')
      .addColumn('id', sql.raw(d.serialPk))
      .addColumn('size', 'integer', (c) => c.notNull())
      .execute();
  },
};

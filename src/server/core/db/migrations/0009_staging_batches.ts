import { sql } from 'kysely';
import type { Migration } from './migration.types.js';

/**
 * Staging batches: rows a long write (a register import) puts in bounded transactions stay
 * invisible to every read until one short transaction publishes the batch (core/staging).
 */
export const m0009StagingBatches: Migration = {
  name: '0009_staging_batches',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    await db.schema
      .createTable('staging_batch')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('started_by', 'text')
      .addColumn('started_at', ts, (c) => c.notNull())
      .addColumn('touched_at', ts, (c) => c.notNull())
      .addColumn('cursor', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('staging_batch_state_idx').on('staging_batch').columns(['state', 'touched_at']).execute();
  },
};

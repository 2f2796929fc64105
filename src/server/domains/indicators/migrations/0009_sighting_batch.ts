import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * A sighting of a record written by an import still being staged names its batch (core/staging):
 * it is correlated and counted only once the batch is published. The partial index finds a
 * batch's sightings (to count, cluster or discard them) and costs nothing for other sightings.
 */
export const m0009SightingBatch: Migration = {
  name: '0009_sighting_batch',
  async up(db) {
    await db.schema.alterTable('sighting').addColumn('batch_id', 'text').execute();
    await sql`create index sighting_batch_idx on sighting (batch_id, id) where batch_id is not null`.execute(db);
  },
};

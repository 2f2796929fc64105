import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Register imports are written in bounded batches under a staging batch (core/staging): each
 * record names its import, and stays invisible until the import is published in one short
 * transaction. The partial index finds an import's records (to publish, or to discard them)
 * and costs nothing for records typed in by hand.
 */
export const m0009ImportStaging: Migration = {
  name: '0009_import_staging',
  async up(db) {
    await db.schema.alterTable('consultation').addColumn('import_batch', 'text').execute();
    await sql`create index consultation_import_batch_idx on consultation (import_batch, seq) where import_batch is not null`.execute(db);
  },
};

import type { Migration } from './migration.types.js';

/**
 * Uploaded files' encrypted content in the database (core/files `files.chunks.ts`), so that every
 * server on one PostgreSQL serves every evidence file. A file is its ciphertext cut into chunks of
 * about 256 KiB, numbered from 0; all of a file's chunks are written in one transaction, so a file
 * is either whole or absent. Created on both engines (one schema); SQLite keeps files in its data
 * directory (`Dialect.fileContent`) and leaves this table empty.
 */
export const m0016FileChunks: Migration = {
  name: '0016_file_chunks',
  async up(db, d) {
    await db.schema
      .createTable('file_chunk')
      .addColumn('file_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('data', d.bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint('file_chunk_pk', ['file_id', 'seq'])
      .execute();
  },
};

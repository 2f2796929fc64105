import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Evidence files are encrypted at rest: each row names its stored file (`blob_id`, a random name)
 * and holds that file's data key sealed under the keyring (`data_key_enc`). Rows from before stay
 * null until the intake module's start-up step encrypts their plaintext files (intake.evidence.ts).
 */
export const m0010EvidenceEncryption: Migration = {
  name: '0010_evidence_encryption',
  async up(db) {
    await db.schema.alterTable('evidence_file').addColumn('blob_id', 'text').execute();
    await db.schema.alterTable('evidence_file').addColumn('data_key_enc', 'text').execute();
    await db.schema.createIndex('evidence_file_record_sha').on('evidence_file').columns(['record_id', 'sha256']).execute();
  },
};

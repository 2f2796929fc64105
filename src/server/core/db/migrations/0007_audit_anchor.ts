import type { Migration } from './migration.types.js';

/**
 * Keyed audit chain, and an index for the CSIRT's filter on denied attempts. Keyed chain: each new row names the master key whose derived audit key made its HMAC.
 * Rows written before this migration keep `key_id` null and their plain SHA-256 hashes; they
 * still verify, and once a keyed row exists no unkeyed row may follow it (see core/audit).
 * Adding a column fires no row trigger, so the append-only guard stays as it was.
 */
export const m0007AuditAnchor: Migration = {
  name: '0007_audit_anchor',
  async up(db) {
    await db.schema.alterTable('audit_event').addColumn('key_id', 'text').execute();
    // The CSIRT's view of refused attempts: newest denied events first.
    await db.schema.createIndex('audit_event_outcome_idx').on('audit_event').columns(['outcome', 'seq']).execute();
  },
};

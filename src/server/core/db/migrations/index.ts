import { m0001Core } from './0001_core.js';
import { m0002Security } from './0002_security.js';
import { m0007AuditAnchor } from './0007_audit_anchor.js';
import { m0009StagingBatches } from './0009_staging_batches.js';
import { m0016FileChunks } from './0016_file_chunks.js';
import { m0022RecordEvents } from './0022_record_events.js';
import type { Migration } from './migration.types.js';

/**
 * The foundation's migrations. They were released before domains kept their own beside them, so
 * they still create the first tables of org and auth too; a released migration is never split or
 * edited. Domains' migrations join these in `src/server/modules.ts`.
 */
export const coreMigrations: readonly Migration[] = [
  m0001Core,
  m0002Security,
  m0007AuditAnchor,
  m0009StagingBatches,
  m0016FileChunks,
  m0022RecordEvents,
];

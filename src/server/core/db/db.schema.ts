import type { Generated } from 'kysely';

/**
 * The Kysely view of the core's own tables. Each domain adds its tables to `Database` from its
 * own `<domain>.tables.ts` (TypeScript declaration merging), so the core stays ignorant of them.
 * Timestamps are ISO-8601 UTC strings on both engines (db.dialect.ts makes PostgreSQL hand them
 * back that way); JSON columns are strings and flags are integers 0/1 (SQLite has no boolean to
 * bind): `db.decode.ts` turns both into values in one place.
 */
export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  request_id: string | null;
  client_ip: string | null;
  outcome: string;
  change_digest: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
  /** Master key id whose audit key made `hash` (HMAC); null for the plain SHA-256 rows of earlier versions. */
  key_id: string | null;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobScheduleTable {
  name: string;
  cron: string;
  kind: string;
  payload: string;
  next_run_at: string;
  last_run_at: string | null;
}

export interface KeyCheckTable {
  key_id: string;
  check_value: string;
  created_at: string;
}

export interface RecordShareTable {
  id: string;
  record_type: string;
  record_id: string;
  unit_id: string | null;
  user_id: string | null;
  reason: string;
  created_by: string;
  created_at: string;
}

/** Encrypted file content in the database (core/files `files.chunks.ts`). */
export interface FileChunkTable {
  file_id: string;
  seq: number;
  data: Buffer;
}

export interface Database {
  audit_event: AuditEventTable;
  file_chunk: FileChunkTable;
  job: JobTable;
  job_schedule: JobScheduleTable;
  key_check: KeyCheckTable;
  record_share: RecordShareTable;
}

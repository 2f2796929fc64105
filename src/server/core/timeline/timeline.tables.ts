import type { Generated } from 'kysely';

/** Every record type's timeline in one table (core `0022_record_events`). */
export interface RecordEventTable {
  /** Orders events written in one transaction with one timestamp. */
  seq: Generated<number>;
  id: string;
  record_type: string;
  record_id: string;
  at: string;
  kind: string;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  text: string | null;
  detail: string | null;
}

declare module '../db/db.schema.js' {
  interface Database {
    record_event: RecordEventTable;
  }
}

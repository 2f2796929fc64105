import type { Generated } from 'kysely';

/**
 * record_share was released in the core's 0002 migration, which is never edited; its reveal grant
 * was added later by the first domain that reveals personal fields (intake `0008_share_reveal`).
 */
declare module '../db/db.schema.js' {
  interface RecordShareTable {
    /** 1: the unit or person may also reveal the record's personal fields (an explicit grant). */
    allow_reveal: Generated<number>;
  }
}

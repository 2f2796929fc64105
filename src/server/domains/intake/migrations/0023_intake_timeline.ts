import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Consultations' timelines join every record type's in core's `record_event` (0022): the rows
 * move over in their order (`seq`), ids and all, and `consultation_event` goes.
 */
export const m0023IntakeTimeline: Migration = {
  name: '0023_intake_timeline',
  async up(db) {
    await sql`insert into record_event (id, record_type, record_id, at, kind, actor_user_id, actor_unit_id, text, detail)
      select id, 'consultation', consultation_id, at, kind, actor_user_id, actor_unit_id, text, detail
      from consultation_event order by seq`.execute(db);
    await db.schema.dropTable('consultation_event').execute();
  },
};

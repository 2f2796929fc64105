import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { jsonOrNull, toJson } from '../db/db.decode.js';
import type { Database } from '../db/db.schema.js';
import './timeline.tables.js';

/**
 * A record's 経過: what happened to it, who did it, oldest first. Every record type keeps its
 * timeline here (one table, `record_type` + `record_id`), written in the same transaction as the
 * change it tells of. Who may read a record's timeline is the record's own domain's decision: it
 * reads the record under need-to-know first, then its events.
 */
export interface RecordEventInput {
  recordType: string;
  recordId: string;
  kind: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  text?: string | null;
  detail?: unknown;
}

export interface RecordEvent {
  id: string;
  at: string;
  kind: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  text: string | null;
  detail: Record<string, unknown> | null;
}

export async function addEvent(db: Kysely<Database>, e: RecordEventInput, now = new Date()): Promise<void> {
  await db
    .insertInto('record_event')
    .values({
      id: randomUUID(),
      record_type: e.recordType,
      record_id: e.recordId,
      at: now.toISOString(),
      kind: e.kind,
      actor_user_id: e.actorUserId,
      actor_unit_id: e.actorUnitId,
      text: e.text ?? null,
      detail: e.detail === undefined ? null : toJson(e.detail),
    })
    .execute();
}

/**
 * One record's events, oldest first; `without` leaves out kinds this reader may not see, `only`
 * keeps the kinds asked for (a case's notes, read for indicators).
 */
export async function recordEvents(
  db: Kysely<Database>,
  rec: { recordType: string; recordId: string },
  opts: { without?: readonly string[]; only?: readonly string[] } = {},
): Promise<RecordEvent[]> {
  let q = db
    .selectFrom('record_event')
    .select(['id', 'at', 'kind', 'actor_user_id', 'actor_unit_id', 'text', 'detail'])
    .where('record_type', '=', rec.recordType)
    .where('record_id', '=', rec.recordId);
  if (opts.without && opts.without.length > 0) q = q.where('kind', 'not in', [...opts.without]);
  if (opts.only) {
    if (opts.only.length === 0) return [];
    q = q.where('kind', 'in', [...opts.only]);
  }
  const rows = await q.orderBy('at').orderBy('seq').execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    actorUserId: r.actor_user_id,
    actorUnitId: r.actor_unit_id,
    text: r.text,
    detail: jsonOrNull<Record<string, unknown>>(r.detail),
  }));
}

/** The events of records that are being deleted (a failed import's consultations). */
export async function deleteEvents(db: Kysely<Database>, recordType: string, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await db
    .deleteFrom('record_event')
    .where('record_type', '=', recordType)
    .where('record_id', 'in', [...recordIds])
    .execute();
}

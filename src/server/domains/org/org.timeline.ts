import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/db.schema.js';
import type { RecordEvent } from '../../core/timeline/timeline.js';

export type NamedEvent = Omit<RecordEvent, 'actorUserId' | 'actorUnitId'> & {
  actorName: string | null;
  actorUnitName: string | null;
  actorUnitNameEn: string | null;
};

/**
 * A timeline as people read it: each event's actor and unit by name (both names, the timeline is
 * read in either language), in one query for the people and one for the units however long the
 * timeline is. The ids stay in the server.
 */
export async function nameActors(db: Kysely<Database>, events: readonly RecordEvent[]): Promise<NamedEvent[]> {
  const userIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const unitIds = [...new Set(events.flatMap((e) => (e.actorUnitId ? [e.actorUnitId] : [])))];
  const users =
    userIds.length === 0 ? [] : await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', userIds).execute();
  const units =
    unitIds.length === 0 ? [] : await db.selectFrom('unit').select(['id', 'name', 'name_en']).where('id', 'in', unitIds).execute();
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const unit = new Map(units.map((u) => [u.id, u]));
  return events.map(({ actorUserId, actorUnitId, ...e }) => ({
    ...e,
    actorName: actorUserId ? (userName.get(actorUserId) ?? null) : null,
    actorUnitName: actorUnitId ? (unit.get(actorUnitId)?.name ?? null) : null,
    actorUnitNameEn: actorUnitId ? (unit.get(actorUnitId)?.name_en ?? null) : null,
  }));
}

import { type AuditCtx, actorOf } from '../../core/audit/audit.context.js';
import type { Conn, Tx } from '../../core/db/db.tx.js';
import { addEvent, recordEvents } from '../../core/timeline/timeline.js';
import { nameActors } from '../org/index.js';
import { RECORD_TYPE } from './cases.repository.js';

/**
 * What a case's 経過 tells of (core/timeline): the web app words each kind; the text is the
 * officer's own (a note, a reason), the detail says what changed.
 */
export type CaseEventKind =
  | 'opened'
  | 'updated'
  | 'status'
  | 'note'
  | 'memberAdded'
  | 'memberRemoved'
  | 'taskAdded'
  | 'taskDone'
  | 'requestSent'
  | 'letterDrafted'
  | 'letter'
  | 'warrant';

/** One event on a case's timeline, in the transaction of the change it tells of. */
export function caseEvent(
  tx: Tx,
  ctx: AuditCtx,
  caseId: string,
  kind: CaseEventKind,
  e: { text?: string | null; detail?: Record<string, unknown> } = {},
  now = new Date(),
): Promise<void> {
  const actor = actorOf(ctx);
  return addEvent(
    tx.kysely,
    { recordType: RECORD_TYPE, recordId: caseId, kind, actorUserId: actor?.userId ?? null, actorUnitId: actor?.unitId ?? null, ...e },
    now,
  );
}

/** A case's timeline with names; the caller has read the case under need-to-know first. */
export async function caseTimeline(db: Conn, caseId: string) {
  return nameActors(db.kysely, await recordEvents(db.kysely, { recordType: RECORD_TYPE, recordId: caseId }));
}

/** The texts of a case's notes, oldest first: read for indicators with the narrative. */
export async function noteTexts(db: Conn, caseId: string): Promise<string[]> {
  const notes = await recordEvents(db.kysely, { recordType: RECORD_TYPE, recordId: caseId }, { only: ['note'] });
  return notes.flatMap((n) => (n.text ? [n.text] : []));
}

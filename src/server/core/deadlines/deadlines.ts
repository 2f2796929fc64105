import type { UpdateResult } from 'kysely';
import type { Db } from '../db/db.open.js';
import { type Tx, withTx } from '../db/db.tx.js';

/**
 * What a domain's deadline job says about its records: which are past their deadline, how one is
 * claimed as told, and what telling it means (notices, audit, the record's own timeline).
 */
export interface Deadline<T> {
  /** Records past their deadline and not yet told, at most a bounded batch (the next run takes the rest). */
  due: (db: Db, now: Date) => Promise<T[]>;
  /**
   * Mark the record as told with a conditional update that matches only while it is still untold
   * (and unchanged): the update's result says whether this run won it.
   */
  claim: (tx: Tx, item: T, now: Date) => Promise<Pick<UpdateResult, 'numUpdatedRows'>>;
  /** Tell the people concerned, in the same transaction as the claim. */
  tell: (tx: Tx, item: T, now: Date) => Promise<void>;
}

/**
 * The one overdue sweep of every domain (escalations, tasks, support requests, and what comes
 * after: freeze requests, legal process, advisories). Each record is claimed and told in its own
 * transaction: when two servers run the job at once, one update wins and people are told once. A
 * record that cannot be told stays untold for the next run and does not hold up the others; the
 * sweep then fails, so the job shows the failure. Returns how many records were past due.
 */
export async function sweepDeadlines<T>(db: Db, d: Deadline<T>, now = new Date()): Promise<number> {
  const due = await d.due(db, now);
  const failures: unknown[] = [];
  for (const item of due) {
    await withTx(db, async (tx) => {
      const won = await d.claim(tx, item, now);
      if (Number(won.numUpdatedRows) === 0) return;
      await d.tell(tx, item, now);
    }).catch((e: unknown) => failures.push(e));
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} records past their deadline could not be told`);
  return due.length;
}

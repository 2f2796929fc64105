import { sql } from 'kysely';
import type { Tx } from '../../core/db/db.tx.js';
import { FEED_RECORD_TYPE, ingestBulk, type SightingInput, type StoreOptions } from './indicators.store.js';

export interface FeedWriter {
  /** Write the next part of the feed; returns how many of its values were new to this import. */
  write(items: SightingInput[]): Promise<number>;
}

/**
 * A feed (`renkei import indicators`) written part by part inside the caller's transaction. A feed
 * is one record: a value it lists twice is one sighting, so repeats are dropped across parts. On
 * its first import the feed has no sightings to de-duplicate against, so each part is written as a
 * fresh record (counts in the upsert, no probe per sighting: a third of a large import's writing).
 * A feed imported again adds only what it did not list before.
 */
export async function openFeedWriter(
  tx: Tx,
  source: string,
  opts: Pick<StoreOptions, 'commonThreshold' | 'warningsFor'>,
): Promise<FeedWriter> {
  const rec = { recordType: FEED_RECORD_TYPE, recordId: source, unitId: null };
  const known = await sql<{ one: number }>`select 1 as one from sighting
    where record_type = ${FEED_RECORD_TYPE} and record_id = ${source} limit 1`.execute(tx.kysely);
  const freshRecords = known.rows.length === 0;
  const seen = new Set<string>();
  return {
    async write(items) {
      const part: SightingInput[] = [];
      for (const i of items) {
        const k = `${i.type}\u0000${i.value}`;
        if (seen.has(k)) continue;
        seen.add(k);
        part.push(i); // as given: a copy per value is garbage to collect, in feeds of 100,000s
      }
      if (part.length > 0) await ingestBulk(tx, [{ rec, items: part }], { ...opts, freshRecords });
      return part.length;
    },
  };
}

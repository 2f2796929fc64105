import type { Db } from '../db/db.open.js';

/** A reference to one record of any domain: the pair that sightings, shares and search carry. */
export interface RecordRef {
  recordType: string;
  recordId: string;
}

/** How a person sees a record in another domain's page: its number and title, and where it opens. */
export interface RecordLabel {
  title: string;
  link: string;
}

/** One key per record reference, for maps keyed by record (the NUL cannot occur in either part). */
export const recordKey = (recordType: string, recordId: string): string => `${recordType}\u0000${recordId}`;

/**
 * Labels fetched 500 ids at a time, so that an `in` list stays within every engine's parameter
 * limit however many records a cluster or indicator page names. `fetch` returns the rows it found.
 */
export async function labelsInChunks(
  ids: readonly string[],
  fetch: (chunk: string[]) => Promise<readonly ({ id: string } & RecordLabel)[]>,
): Promise<Map<string, RecordLabel>> {
  const out = new Map<string, RecordLabel>();
  for (let k = 0; k < ids.length; k += 500) {
    for (const r of await fetch(ids.slice(k, k + 500))) out.set(r.id, { title: r.title, link: r.link });
  }
  return out;
}

/**
 * A record type a domain owns (consultation, case, takedown request, …). Indicators, search,
 * sharing and audit learn about record types from these declarations only, never by naming a
 * domain, so a new domain's records are labelled and linked everywhere by declaring one.
 */
export interface RecordTypeDef {
  /** Stored in sightings, shares and audit targets: never renamed once released. */
  type: string;
  /** What people call one such record. */
  labelJa: string;
  labelEn: string;
  /** Titles and links for the given ids of this type; ids that do not exist are left out. */
  label(db: Db, ids: readonly string[]): Promise<Map<string, RecordLabel>>;
}

export type RecordLabeler = (refs: readonly RecordRef[]) => Promise<Map<string, RecordLabel>>;

export interface RecordTypes {
  all: readonly RecordTypeDef[];
  get(type: string): RecordTypeDef | undefined;
  /** Labels for any mix of record types, keyed by `recordKey`; unknown types get no label. */
  label: RecordLabeler;
}

export function createRecordTypes(db: Db, defs: readonly RecordTypeDef[]): RecordTypes {
  const byType = new Map<string, RecordTypeDef>();
  for (const d of defs) {
    if (byType.has(d.type)) throw new Error(`record type declared twice: ${d.type}`);
    byType.set(d.type, d);
  }
  return {
    all: defs,
    get: (type) => byType.get(type),
    async label(refs) {
      const idsByType = new Map<string, Set<string>>();
      for (const r of refs) {
        if (!byType.has(r.recordType)) continue;
        const ids = idsByType.get(r.recordType) ?? new Set<string>();
        idsByType.set(r.recordType, ids.add(r.recordId));
      }
      const out = new Map<string, RecordLabel>();
      for (const [type, ids] of idsByType) {
        const labels = await (byType.get(type) as RecordTypeDef).label(db, [...ids]);
        for (const [id, l] of labels) out.set(recordKey(type, id), l);
      }
      return out;
    },
  };
}

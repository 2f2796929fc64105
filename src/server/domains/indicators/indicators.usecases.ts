import type { IndicatorType } from '../../../contracts/indicators.contracts.js';
import type { RequestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import type { Db } from '../../core/db/db.open.js';
import { type Tx, withTx } from '../../core/db/db.tx.js';
import type { RecordLabeler } from '../../core/module/module.records.js';
import { extract } from './extract/extract.js';
import { extractInSlices } from './extract/extract.slices.js';
import { indicatorErrors } from './indicators.errors.js';
import { findIndicator, lookupIndicators, visibleSightings } from './indicators.queries.js';
import { replaceSightings } from './indicators.replace.js';
import { type RecordKey, type SightingInput, type StoreResult, storeSightings } from './indicators.store.js';
import type { WarningLists } from './indicators.warninglists.js';

export interface IndicatorDeps {
  db: Db;
  warnings: WarningLists;
  commonThreshold: number;
  /** Titles and links of records, from the record types every domain declares (core/module). */
  labelRecords?: RecordLabeler;
}

// Record labels belong to every record type (core/module); kept under these names for callers here.
export { type RecordLabel, type RecordLabeler, recordKey as labelKey } from '../../core/module/module.records.js';

/** Extract and annotate: which values are on a warning list, which we have seen before. */
export async function extractAnnotated(deps: IndicatorDeps, text: string) {
  const hits = await extractInSlices(text);
  const known = await lookupIndicators(
    deps.db,
    hits.map((h) => ({ type: h.type, value: h.value })),
  );
  const byKey = new Map(known.map((k) => [`${k.type}\u0000${k.value}`, k]));
  return hits.map((h) => {
    const k = byKey.get(`${h.type}\u0000${h.value}`);
    return {
      ...h,
      warnings: deps.warnings.match(h.type, h.value),
      known: k ? { indicatorId: k.id, recordCount: k.recordCount, common: k.common } : null,
    };
  });
}

/**
 * A record's sightings from its text, written in the caller's transaction: a new record's added
 * (no de-duplication needed), an edited record's replaced, so a corrected number no longer links
 * it to the wrong number's records. Every domain whose records have text stores them this way.
 */
export function storeRecordSightings(
  tx: Tx,
  deps: Pick<IndicatorDeps, 'warnings' | 'commonThreshold'>,
  rec: RecordKey,
  items: SightingInput[],
  opts: { created: boolean; batchId?: string | undefined },
): Promise<StoreResult> {
  const store = { commonThreshold: deps.commonThreshold, warningsFor: (t: IndicatorType, v: string) => deps.warnings.match(t, v) };
  return opts.created
    ? storeSightings(tx, rec, items, { ...store, freshRecords: true, batchId: opts.batchId })
    : replaceSightings(tx, rec, items, store);
}

/** The values in a text as sightings (offsets kept, so a page can mark them). */
export function textSightings(text: string): SightingInput[] {
  return extract(text).map((h) => ({ type: h.type, value: h.value, start: h.start, end: h.end }));
}

/** Record what a record's text contains, in the caller's transaction-free convenience form. */
export async function recordText(deps: IndicatorDeps, rec: RecordKey, text: string): Promise<StoreResult> {
  const items = textSightings(text);
  return withTx(deps.db, (tx) =>
    storeSightings(tx, rec, items, {
      commonThreshold: deps.commonThreshold,
      warningsFor: (t, v) => deps.warnings.match(t, v),
    }),
  );
}

/**
 * One indicator by id under need-to-know (see findIndicator): its value only to a reader of a
 * record holding it, else a count of the records they may not read. A read of an indicator found
 * in no record of the reader's own unit (through a share, or a prefecture-wide role) is audited.
 */
export async function readIndicator(deps: IndicatorDeps, ctx: RequestCtx, id: number) {
  const viewer = ctx.principal;
  return withTx(deps.db, async (tx) => {
    const found = await findIndicator(tx.kysely, viewer, id);
    if (!found.exists) throw indicatorErrors.create('indicators.not_found');
    const s = await visibleSightings(tx.kysely, viewer, id);
    if (!found.indicator) return { indicator: null, sightings: [], hiddenRecords: s.hidden };
    if (!found.ownUnit) {
      await audit(tx, ctx, { action: 'indicators.read', target: String(id), detail: { records: s.items.length } });
    }
    return { indicator: found.indicator, sightings: s.items, hiddenRecords: s.hidden };
  });
}

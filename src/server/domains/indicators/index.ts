export { canonicalForm, canonicalise, distinctValues, extract } from './extract/index.js';
export { bankName, branchName, searchBanks, searchBranches } from './indicators.banks.js';
export { afterBulkLoad, rebuildClusters, rebuildDerived } from './indicators.bulk.js';
export { valueAttributes, valueAttributesOrNone } from './indicators.display.js';
export { type FeedWriter, openFeedWriter } from './indicators.feed.js';
export { openWarningLists } from './indicators.locallists.js';
export { indicatorDeps, indicatorsModule, warningListsKey } from './indicators.module.js';
export { indicatorsOfRecord, type NoticeDeps, relatedNotices } from './indicators.notices.js';
export { clusterOfRecord, lookupIndicators, relatedRecords } from './indicators.queries.js';
export { replaceSightings } from './indicators.replace.js';
export { normaliseSearchQuery, searchForms } from './indicators.search.js';
export {
  clusterBatch,
  discardSightings,
  FEED_RECORD_TYPE,
  ingestBulk,
  publishSightings,
  type RecordKey,
  type SightingInput,
  storeSightings,
  updateClusters,
} from './indicators.store.js';
export {
  type IndicatorDeps,
  labelKey,
  type RecordLabel,
  type RecordLabeler,
  recordText,
  storeRecordSightings,
  textSightings,
} from './indicators.usecases.js';
export type { WarningLists } from './indicators.warninglists.js';

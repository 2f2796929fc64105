export { distinctValues, extract } from './extract/extract.js';
export { ingestBulk, rebuildClusters, recountIndicators } from './indicators.bulk.js';
export { clusterOfRecord, lookupIndicators, relatedRecords } from './indicators.queries.js';
export { indicatorRoutes } from './indicators.routes.js';
export { type RecordKey, type SightingInput, storeSightings } from './indicators.store.js';
export { canonicalise, type IndicatorDeps, labelKey, type RecordLabel, type RecordLabeler, recordText } from './indicators.usecases.js';
export { loadWarningLists, type WarningLists } from './indicators.warninglists.js';

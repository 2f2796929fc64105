export { distinctValues, extract } from './extract/extract.js';
export { reapplyWarningLists, rebuildClusters, rebuildDerived } from './indicators.bulk.js';
export { openWarningLists, REANNOTATE_JOB, refreshLocalLists, refreshLocalListsIfChanged } from './indicators.locallists.js';
export { clusterOfRecord, lookupIndicators, relatedRecords } from './indicators.queries.js';
export { CLUSTERS_JOB, replaceSightings } from './indicators.replace.js';
export { indicatorRoutes } from './indicators.routes.js';
export { ingestBulk, type RecordKey, type SightingInput, storeSightings, updateClusters } from './indicators.store.js';
export { canonicalise, type IndicatorDeps, labelKey, type RecordLabel, type RecordLabeler, recordText } from './indicators.usecases.js';
export type { WarningLists } from './indicators.warninglists.js';

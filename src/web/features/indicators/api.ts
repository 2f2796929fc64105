import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  annotatedHitSchema,
  clusterSchema,
  IndicatorType,
  indicatorDetailSchema,
  localWarningListDetailSchema,
  localWarningListInputSchema,
  lookupResultSchema,
} from '../../../contracts/indicators.contracts.js';
import { indicatorEndpoints as ep } from '../../../contracts/indicators.endpoints.js';
import { call } from '../../api/client.js';

export type AnnotatedHit = z.infer<typeof annotatedHitSchema>;
export type LookupResultItem = z.infer<typeof lookupResultSchema>['items'][number];
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
export type Cluster = z.infer<typeof clusterSchema>;
export type LocalWarningListDetail = z.infer<typeof localWarningListDetailSchema>;
export type LocalWarningListInput = z.input<typeof localWarningListInputSchema>;

/** Limits of the API (contracts): text for extraction, one value, and a batch. */
export const EXTRACT_MAX_CHARS = 500_000;
export const LOOKUP_VALUE_MAX = 2000;
export const LOOKUP_BATCH_MAX = 10_000;

export const indicatorKeys = {
  all: ['indicators'] as const,
  lookup: (type: IndicatorType, value: string) => ['indicators', 'lookup', type, value] as const,
  detail: (id: number) => ['indicators', 'detail', id] as const,
  cluster: (recordType: string, recordId: string) => ['indicators', 'cluster', recordType, recordId] as const,
  warningLists: ['indicators', 'warninglists'] as const,
  warningList: (id: string) => ['indicators', 'warninglists', id] as const,
};

/** POST /api/indicators/extract (indicators.extract): hits with warning lists and known indicators. Nothing is stored. */
export async function extractIndicators(text: string): Promise<AnnotatedHit[]> {
  const result = await call(ep.extract, { body: { text } });
  return result.hits;
}

/** GET /api/indicators/lookup (indicators.read): one value, canonicalised by the server. */
export const lookupQueryOptions = (type: IndicatorType, value: string) =>
  queryOptions({
    queryKey: indicatorKeys.lookup(type, value),
    queryFn: ({ signal }) => call(ep.lookup, { query: { type, value }, signal }),
    select: (data) => data.items[0] ?? null,
  });

/** POST /api/indicators/lookup (indicators.read): up to 10,000 values, answered in the same order. */
export async function lookupBatch(items: { type: IndicatorType; value: string }[]): Promise<LookupResultItem[]> {
  const result = await call(ep.lookupBatch, { body: { items } });
  return result.items;
}

/** GET /api/indicators/:id: the indicator, the sightings the caller may read, and a count of the others. */
export const indicatorDetailQueryOptions = (id: number) =>
  queryOptions({
    queryKey: indicatorKeys.detail(id),
    queryFn: ({ signal }) => call(ep.indicator, { params: { id }, signal }),
  });

/** GET /api/records/:recordType/:recordId/cluster: the record's cluster as far as the caller may see it. */
export const clusterQueryOptions = (recordType: string, recordId: string) =>
  queryOptions({
    queryKey: indicatorKeys.cluster(recordType, recordId),
    queryFn: ({ signal }) => call(ep.cluster, { params: { recordType, recordId }, signal }),
  });

/** GET /api/indicators/warninglists (indicators.read): every list, shipped and local, without entries. */
export const warningListsQueryOptions = queryOptions({
  queryKey: indicatorKeys.warningLists,
  queryFn: ({ signal }) => call(ep.warningLists, { signal }),
  select: (data) => data.lists,
  staleTime: 5 * 60_000,
});

/** GET /api/indicators/warninglists/:id (indicators.warninglists.manage): a local list with its entries, always fresh. */
export const localWarningListQueryOptions = (id: string) =>
  queryOptions({
    queryKey: indicatorKeys.warningList(id),
    queryFn: ({ signal }) => call(ep.getLocalList, { params: { id }, signal }),
    staleTime: 0,
    gcTime: 0,
    // Read when the form opens and on 「最新の内容を読み込む」 only, not behind the back of someone editing.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** POST: 400 indicators.warninglist_invalid (details per line) or indicators.warninglist_empty. */
export function createWarningList(body: LocalWarningListInput) {
  return call(ep.createLocalList, { body });
}

/** PUT with the version that was edited; 409 indicators.warninglist_stale when someone else saved first. */
export function updateWarningList({ id, body }: { id: string; body: LocalWarningListInput & { version: number } }) {
  return call(ep.updateLocalList, { params: { id }, body });
}

/** DELETE: answers with the catalogue as it is afterwards. */
export async function deleteWarningList(id: string) {
  const result = await call(ep.deleteLocalList, { params: { id } });
  return result.lists;
}

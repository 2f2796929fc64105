import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type annotatedHitSchema,
  clusterSchema,
  extractResponseSchema,
  type IndicatorType,
  indicatorDetailSchema,
  lookupResultSchema,
} from '../../../contracts/indicators.contracts.js';
import { apiRequest } from '../../api/client.js';

export type AnnotatedHit = z.infer<typeof annotatedHitSchema>;
export type LookupResultItem = z.infer<typeof lookupResultSchema>['items'][number];
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
export type Cluster = z.infer<typeof clusterSchema>;

/** Limits of the API (contracts): text for extraction, one value, and a batch. */
export const EXTRACT_MAX_CHARS = 500_000;
export const LOOKUP_VALUE_MAX = 2000;
export const LOOKUP_BATCH_MAX = 10_000;

export const indicatorKeys = {
  all: ['indicators'] as const,
  lookup: (type: IndicatorType, value: string) => ['indicators', 'lookup', type, value] as const,
  detail: (id: number) => ['indicators', 'detail', id] as const,
  cluster: (recordType: string, recordId: string) => ['indicators', 'cluster', recordType, recordId] as const,
};

/** POST /api/indicators/extract (indicators.extract): hits with warning lists and known indicators. Nothing is stored. */
export async function extractIndicators(text: string): Promise<AnnotatedHit[]> {
  const result = await apiRequest('/api/indicators/extract', { method: 'POST', body: { text }, schema: extractResponseSchema });
  return result.hits;
}

/** GET /api/indicators/lookup (indicators.read): one value, canonicalised by the server. */
export const lookupQueryOptions = (type: IndicatorType, value: string) =>
  queryOptions({
    queryKey: indicatorKeys.lookup(type, value),
    queryFn: ({ signal }) => apiRequest('/api/indicators/lookup', { query: { type, value }, schema: lookupResultSchema, signal }),
    select: (data) => data.items[0] ?? null,
  });

/** POST /api/indicators/lookup (indicators.read): up to 10,000 values, answered in the same order. */
export async function lookupBatch(items: { type: IndicatorType; value: string }[]): Promise<LookupResultItem[]> {
  const result = await apiRequest('/api/indicators/lookup', { method: 'POST', body: { items }, schema: lookupResultSchema });
  return result.items;
}

/** GET /api/indicators/:id: the indicator, the sightings the caller may read, and a count of the others. */
export const indicatorDetailQueryOptions = (id: number) =>
  queryOptions({
    queryKey: indicatorKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/indicators/${id}`, { schema: indicatorDetailSchema, signal }),
  });

/** GET /api/records/:recordType/:recordId/cluster: the record's cluster as far as the caller may see it. */
export const clusterQueryOptions = (recordType: string, recordId: string) =>
  queryOptions({
    queryKey: indicatorKeys.cluster(recordType, recordId),
    queryFn: ({ signal }) =>
      apiRequest(`/api/records/${encodeURIComponent(recordType)}/${encodeURIComponent(recordId)}/cluster`, {
        schema: clusterSchema,
        signal,
      }),
  });

import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../api/client.js';
import { intakeKeys, type ListFilters } from '../api.js';

const savedViewSchema = z.object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.unknown()), createdAt: z.string() });
export type SavedView = z.infer<typeof savedViewSchema>;
const viewList = z.object({ items: z.array(savedViewSchema) });

/** GET /api/intake/views: the caller's own saved list filters. */
export const viewsQueryOptions = queryOptions({
  queryKey: intakeKeys.views,
  queryFn: ({ signal }) => apiRequest('/api/intake/views', { schema: viewList, signal }),
  select: (data) => data.items,
});

export function saveView(body: { name: string; query: ListFilters }) {
  return apiRequest('/api/intake/views', { method: 'POST', body, schema: viewList });
}

export function deleteView(id: string) {
  return apiRequest(`/api/intake/views/${encodeURIComponent(id)}`, { method: 'DELETE', schema: viewList });
}

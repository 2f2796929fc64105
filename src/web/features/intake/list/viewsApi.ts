import { queryOptions } from '@tanstack/react-query';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import { call } from '../../../api/client.js';
import { intakeKeys, type ListFilters } from '../api.js';

export type { SavedView } from '../../../../contracts/intake.resources.contracts.js';

/** GET /api/intake/views: the caller's own saved list filters. */
export const viewsQueryOptions = queryOptions({
  queryKey: intakeKeys.views,
  queryFn: ({ signal }) => call(ep.listViews, { signal }),
  select: (data) => data.items,
});

export function saveView(body: { name: string; query: ListFilters }) {
  return call(ep.saveView, { body });
}

export function deleteView(id: string) {
  return call(ep.deleteView, { params: { id } });
}

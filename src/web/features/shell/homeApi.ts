import { queryOptions } from '@tanstack/react-query';
import { homeEndpoints as ep } from '../../../contracts/home.endpoints.js';
import { call } from '../../api/client.js';

/**
 * GET /api/home: every domain's work items for the signed-in person and the menu's counts.
 * Polled like the notifications, and read again after every successful action (app/queryClient.ts),
 * so a count never lags behind the page that just changed it.
 */
export const homeKeys = { all: ['home'] as const };

export const homeQueryOptions = queryOptions({
  queryKey: homeKeys.all,
  queryFn: ({ signal }) => call(ep.worklist, { signal }),
  refetchInterval: 60_000,
  refetchIntervalInBackground: false,
});

import { queryOptions } from '@tanstack/react-query';
import { notifyEndpoints as ep } from '../../../contracts/notify.endpoints.js';
import { call } from '../../api/client.js';

export type { Notification } from '../../../contracts/notify.endpoints.js';

export const notificationKeys = { all: ['notifications'] as const };

/** GET /api/notifications: the latest 100 of the caller's own, and how many are unread. Polled every 30 s. */
export const notificationsQueryOptions = queryOptions({
  queryKey: notificationKeys.all,
  queryFn: ({ signal }) => call(ep.list, { signal }),
  refetchInterval: 30_000,
  refetchIntervalInBackground: false,
});

/** POST /api/notifications/read: these, or all when no ids are given. */
export function markRead(ids?: string[]) {
  return call(ep.markRead, { body: ids ? { ids } : {} });
}

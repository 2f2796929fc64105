import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../api/client.js';

const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;
const listSchema = z.object({ items: z.array(notificationSchema), unread: z.number() });

export const notificationKeys = { all: ['notifications'] as const };

/** GET /api/notifications: the latest 100 of the caller's own, and how many are unread. Polled every 30 s. */
export const notificationsQueryOptions = queryOptions({
  queryKey: notificationKeys.all,
  queryFn: ({ signal }) => apiRequest('/api/notifications', { schema: listSchema, signal }),
  refetchInterval: 30_000,
  refetchIntervalInBackground: false,
});

/** POST /api/notifications/read: these, or all when no ids are given. */
export function markRead(ids?: string[]) {
  return apiRequest('/api/notifications/read', { method: 'POST', body: ids ? { ids } : {}, schema: z.object({ updated: z.number() }) });
}

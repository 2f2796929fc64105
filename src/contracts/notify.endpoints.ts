import { z } from 'zod';
import { defineEndpoint } from './endpoint.js';

/** In-app notifications: each person reads and clears only their own. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  /** The English form, when the notice was sent with one (the English screen shows it). */
  titleEn: z.string().nullable(),
  bodyEn: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

const tags = ['notifications'];

export const notifyEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/notifications',
    access: 'authenticated',
    summary: '自分宛ての通知 / My notifications',
    tags,
    query: z.strictObject({ unread: z.enum(['true', 'false']).optional() }),
    response: { 200: z.object({ items: z.array(notificationSchema), unread: z.number() }) },
  }),
  markRead: defineEndpoint({
    method: 'POST',
    path: '/api/notifications/read',
    access: 'authenticated',
    summary: '通知を既読にする / Mark notifications read',
    tags,
    body: z.strictObject({ ids: z.array(z.string().max(64)).max(500).optional() }),
    response: { 200: z.object({ updated: z.number() }) },
  }),
};

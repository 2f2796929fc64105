import type { Widen } from '../../i18n/types.js';
import type { notificationsJa } from './notifications.i18n.ja.js';

/** 通知 strings (English). Keys mirror notifications.i18n.ja.ts. */
export const notificationsEn: Widen<typeof notificationsJa> = {
  notifications: {
    button: 'Notifications',
    buttonUnread: 'Notifications ({{count}} unread)',
    title: 'Notifications',
    markAll: 'Mark all read',
    empty: 'No notifications.',
  },
};

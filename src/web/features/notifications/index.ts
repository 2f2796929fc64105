/** 通知: the bell in the header and its strings (no page of its own). */
import { defineFeature } from '../../lib/feature.js';
import { notificationsEn } from './notifications.i18n.en.js';
import { notificationsJa } from './notifications.i18n.ja.js';

export const notificationsFeature = defineFeature({
  i18n: { ja: notificationsJa, en: notificationsEn },
});

export { NotificationBell } from './NotificationBell.js';

/** 通知 strings (Japanese); merged into the i18next resources by app/i18n.ts. */
export const notificationsJa = {
  notifications: {
    button: '通知',
    buttonUnread: '通知（未読 {{count}} 件）',
    title: '通知',
    markAll: 'すべて既読',
    empty: '通知はありません。',
  },
} as const;

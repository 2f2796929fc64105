/** The notify domain's tables, added to the core's `Database` type. */
declare module '../../core/db/db.schema.js' {
  interface Database {
    notification: NotificationTable;
  }
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  /** The English form (migration 0015); null for notices sent before, or with no English form. */
  title_en: string | null;
  body_en: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

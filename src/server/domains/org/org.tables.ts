import type { Generated } from 'kysely';

/** The org domain's tables, added to the core's `Database` type. */
declare module '../../core/db/db.schema.js' {
  interface Database {
    unit: UnitTable;
    app_user: UserTable;
  }
}

export interface UnitTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  kind: string;
  parent_id: string | null;
  prefecture_wide: number;
  /** A unit's shared mailbox, for escalation mail; null when it has none. */
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  login_id: string;
  display_name: string;
  unit_id: string;
  role: string;
  password_hash: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
  updated_at: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  password_changed_at: string | null;
  mfa_enabled: Generated<number>;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_last_step: number | null;
}

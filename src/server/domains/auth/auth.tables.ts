import type { Generated } from 'kysely';

/** The auth domain's tables, added to the core's `Database` type. */
declare module '../../core/db/db.schema.js' {
  interface Database {
    session: SessionTable;
    password_history: PasswordHistoryTable;
    recovery_code: RecoveryCodeTable;
    api_token: ApiTokenTable;
    login_challenge: LoginChallengeTable;
  }
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  client_ip: string | null;
  user_agent: string | null;
}

export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginChallengeTable {
  id_hash: string;
  user_id: string;
  expires_at: string;
  attempts: Generated<number>;
}

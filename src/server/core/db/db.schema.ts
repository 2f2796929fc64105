import type { Generated } from 'kysely';

/**
 * The Kysely view of every table. Timestamps are ISO-8601 UTC strings on both engines
 * (db.dialect.ts makes PostgreSQL hand them back that way); JSON columns are strings that the
 * repositories parse; flags are integers 0/1 because SQLite has no boolean to bind.
 */
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

export interface KeyCheckTable {
  key_id: string;
  check_value: string;
  created_at: string;
}

export interface RecordShareTable {
  id: string;
  record_type: string;
  record_id: string;
  unit_id: string | null;
  user_id: string | null;
  reason: string;
  created_by: string;
  created_at: string;
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

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  request_id: string | null;
  client_ip: string | null;
  outcome: string;
  change_digest: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  idempotency_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface JobScheduleTable {
  name: string;
  cron: string;
  kind: string;
  payload: string;
  next_run_at: string;
  last_run_at: string | null;
}

export interface IndicatorTable {
  id: Generated<number>;
  type: string;
  value: string;
  first_seen_at: string;
  last_seen_at: string;
  record_count: Generated<number>;
  common: Generated<number>;
  /** JSON array of warning-list names that matched; null when none. */
  warning: string | null;
}

export interface SightingTable {
  id: Generated<number>;
  indicator_id: number;
  record_type: string;
  record_id: string;
  unit_id: string | null;
  seen_at: string;
  start_offset: number | null;
  end_offset: number | null;
}

export interface RecordClusterTable {
  record_type: string;
  record_id: string;
  cluster_id: number;
  unit_id: string | null;
}

export interface ClusterTable {
  id: Generated<number>;
  size: number;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ConsultationTable {
  seq: Generated<number>;
  id: string;
  ref_no: string;
  owning_unit_id: string;
  received_by: string;
  received_at: string;
  kind: string;
  channel: string;
  category: string;
  modus: string;
  contact_methods: string;
  sns_service: string | null;
  occurred_at: string | null;
  discovered_at: string | null;
  damage_amount: number | null;
  damage_kind: string | null;
  payment_method: string | null;
  victim_same: number;
  wishes: string;
  flags: string;
  summary: string;
  narrative: string;
  disposition: string | null;
  handover_to: string | null;
  status: string;
  escalation: string;
  next_follow_up_at: string | null;
  excluded_indicators: string;
  idempotency_key: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  complainant_type: string | null;
  complainant_org_size: string | null;
  complainant_sector: string | null;
  complainant_age_group: string | null;
  complainant_name_enc: string | null;
  complainant_name_bi: string | null;
  complainant_address_enc: string | null;
  complainant_phone_enc: string | null;
  complainant_phone_bi: string | null;
  complainant_bank_enc: string | null;
  complainant_bank_bi: string | null;
  victim_type: string | null;
  victim_org_size: string | null;
  victim_sector: string | null;
  victim_age_group: string | null;
  victim_name_enc: string | null;
  victim_name_bi: string | null;
  victim_address_enc: string | null;
  victim_phone_enc: string | null;
  victim_phone_bi: string | null;
  victim_bank_enc: string | null;
  victim_bank_bi: string | null;
}

export interface ConsultationEventTable {
  seq: Generated<number>;
  id: string;
  consultation_id: string;
  at: string;
  kind: string;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  text: string | null;
  detail: string | null;
}

export interface EscalationTable {
  id: string;
  consultation_id: string;
  from_unit_id: string;
  to_unit_id: string;
  manual: number;
  urgent: number;
  rules: string;
  reason: string | null;
  state: string;
  raised_by: string | null;
  raised_at: string;
  due_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  guidance: string | null;
  guidance_at: string | null;
  guidance_by: string | null;
  overdue_level: Generated<number>;
}

export interface EscalationRuleTable {
  code: string;
  enabled: number;
  urgent: number;
  sla_minutes: number;
  threshold: number | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ModusTable {
  code: string;
  ja: string;
  en: string;
  active: number;
  sort: number;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface SavedViewTable {
  id: string;
  user_id: string;
  scope: string;
  name: string;
  query: string;
  created_at: string;
}

export interface EvidenceFileTable {
  id: string;
  record_type: string;
  record_id: string;
  owning_unit_id: string;
  file_name: string;
  size: number;
  sha256: string;
  declared_type: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

export interface WarningListTable {
  id: string;
  name: string;
  kind: string;
  entries: string;
  version: Generated<number>;
  created_by: string | null;
  updated_at: string;
}

export interface Database {
  unit: UnitTable;
  app_user: UserTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  job: JobTable;
  job_schedule: JobScheduleTable;
  password_history: PasswordHistoryTable;
  recovery_code: RecoveryCodeTable;
  api_token: ApiTokenTable;
  login_challenge: LoginChallengeTable;
  key_check: KeyCheckTable;
  record_share: RecordShareTable;
  indicator: IndicatorTable;
  sighting: SightingTable;
  record_cluster: RecordClusterTable;
  cluster: ClusterTable;
  setting: SettingTable;
  consultation: ConsultationTable;
  consultation_event: ConsultationEventTable;
  escalation: EscalationTable;
  escalation_rule: EscalationRuleTable;
  modus: ModusTable;
  notification: NotificationTable;
  saved_view: SavedViewTable;
  evidence_file: EvidenceFileTable;
  warning_list: WarningListTable;
}

import type { Generated } from 'kysely';

/** The intake domain's tables, added to the core's `Database` type. */
declare module '../../core/db/db.schema.js' {
  interface Database {
    setting: SettingTable;
    consultation: ConsultationTable;
    escalation: EscalationTable;
    escalation_rule: EscalationRuleTable;
    modus: ModusTable;
    saved_view: SavedViewTable;
    evidence_file: EvidenceFileTable;
    consultation_tally: ConsultationTallyTable;
    access_request: AccessRequestTable;
  }
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
  /** When the reminder for `next_follow_up_at` went out (null: not yet, or a new date was set). */
  follow_up_reminded_at: Generated<string | null>;
  excluded_indicators: string;
  /** JSON `[{ type, value, role }]`: roles the officer chose; null when none (migration 0012). */
  indicator_roles: string | null;
  /** The search text's version this row was indexed with (`SEARCH_VERSION`); older rows are re-indexed. */
  search_version: Generated<number>;
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
  /**
   * The register import that wrote the record (a core/staging batch): while that import is still
   * being staged, no read shows the record (`readableConsultation`); afterwards it names its source.
   */
  import_batch: string | null;
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
  /** The encrypted file's name in the file store; null only for a file not yet upgraded. */
  blob_id: string | null;
  /** Its data key, sealed under the keyring (rotated with every other encrypted field). */
  data_key_enc: string | null;
}

/** Consultations per owning unit, UTC month (`2026-12`), category and 手口; kept by triggers (0014). */
export interface ConsultationTallyTable {
  unit_id: string;
  month: string;
  category: string;
  modus: string;
  n: number;
}

/** 閲覧依頼: a unit asks サイバー課 for other units' records that share an indicator. */
export interface AccessRequestTable {
  id: string;
  indicator_id: number;
  requester_user_id: string;
  requester_unit_id: string;
  to_unit_id: string;
  reason: string;
  /** Records the requester's unit could not read when it asked. */
  hidden: number;
  state: 'pending' | 'approved' | 'declined';
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  /** Records shared on approval. */
  shared: Generated<number>;
  allow_reveal: Generated<number>;
}

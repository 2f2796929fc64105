import type { Generated } from 'kysely';

/** The cases domain's tables, added to the core's `Database` type. */
declare module '../../core/db/db.schema.js' {
  interface Database {
    case_record: CaseRecordTable;
    case_consultation: CaseConsultationTable;
    case_task: CaseTaskTable;
    case_task_template: CaseTaskTemplateTable;
    support_request: SupportRequestTable;
    support_request_message: SupportRequestMessageTable;
    support_request_sla: SupportRequestSlaTable;
    legal_recipient: LegalRecipientTable;
    legal_process: LegalProcessTable;
    letter_register: LetterRegisterTable;
    case_member: CaseMemberTable;
    case_warrant: CaseWarrantTable;
  }
}

/** One case (事件・事案). `case` is an SQL keyword, hence `case_record`; the record type is `case`. */
export interface CaseRecordTable {
  /** Numbers the 事件番号, as `consultation.seq` numbers the 受理番号. */
  seq: Generated<number>;
  id: string;
  case_no: string;
  title: string;
  owning_unit_id: string;
  lead_user_id: string;
  /** intake's consultation category and 手口 code. */
  category: string | null;
  modus: string | null;
  status: string;
  narrative: string;
  /** 検挙人員, 送致日 (a JST calendar day), 打切り理由: the result closing requires. */
  arrested_count: number | null;
  referred_on: string | null;
  drop_reason: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A consultation a case grew from: the station that took it sees the case's number and status. */
export interface CaseConsultationTable {
  case_id: string;
  consultation_id: string;
  linked_by: string;
  linked_at: string;
}

/**
 * A task of a case (捜査事項): for a person, or for a unit when no person is named (then
 * `assignee_unit_id` alone; with a person, it is that person's unit). `due_on` is a JST day.
 */
export interface CaseTaskTable {
  seq: Generated<number>;
  id: string;
  case_id: string;
  title: string;
  note: string;
  assignee_user_id: string | null;
  assignee_unit_id: string;
  due_on: string | null;
  status: string;
  /** 1 while 未着手 or 対応中: what "my tasks" and the overdue job walk. */
  open: number;
  /** The due date an overdue notice was last sent for: a new due date may be missed again. */
  overdue_notified_on: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  completed_by: string | null;
}

/** One line of the checklist a 手口 starts from, due `days` after it is applied (none when null). */
export interface CaseTaskTemplateTable {
  modus: string;
  position: number;
  title: string;
  days: number | null;
}

/** A support request (支援要請・共助) from one unit to another; `due_at` is the deadline now running. */
export interface SupportRequestTable {
  seq: Generated<number>;
  id: string;
  request_no: string;
  kind: string;
  from_unit_id: string;
  to_unit_id: string;
  case_id: string | null;
  title: string;
  body: string;
  country: string | null;
  channel: string | null;
  status: string;
  /** 1 until 完了, 辞退 or 取下げ: what inboxes and the overdue job walk. */
  open: number;
  due_at: string | null;
  /** The deadline an overdue notice was sent for (a new deadline may be missed again). */
  overdue_notified_at: string | null;
  decline_reason: string | null;
  answer: string | null;
  version: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A reply, or a change of status with what it said: the request's timeline, on both sides. */
export interface SupportRequestMessageTable {
  id: string;
  request_id: string;
  at: string;
  unit_id: string;
  user_id: string | null;
  kind: string;
  text: string;
}

export interface SupportRequestSlaTable {
  kind: string;
  accept_hours: number;
  answer_hours: number;
}

/** Who letters go to (照会先): providers, carriers, banks. */
export interface LegalRecipientTable {
  seq: Generated<number>;
  id: string;
  kind: string;
  name: string;
  department: string;
  address: string;
  bank_code: string | null;
  created_by: string | null;
  created_at: string;
}

/** One letter of a case (捜査関係事項照会書, 保全要請書) and what came of it. */
export interface LegalProcessTable {
  seq: Generated<number>;
  id: string;
  case_id: string;
  kind: string;
  recipient_id: string;
  subject: string;
  due_on: string | null;
  status: string;
  /** The unit whose register numbers the letter: the drafter's. */
  unit_id: string;
  letter_no: string | null;
  drafted_by: string;
  approved_by: string | null;
  approved_at: string | null;
  sent_on: string | null;
  answered_on: string | null;
  answer: string | null;
  withdraw_reason: string | null;
  overdue_notified_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A unit's letter register: its 文書記号 and the last number given in each year (令和8年 …). */
export interface LetterRegisterTable {
  unit_id: string;
  /** The 和暦 year the numbers run in ('令和8'), or '' for the row holding the prefix. */
  year: string;
  prefix: string;
  last_no: number;
}

/** An officer of another unit on a case's team, reading it through the share `share_id`. */
export interface CaseMemberTable {
  case_id: string;
  user_id: string;
  share_id: string;
  added_by: string;
  added_at: string;
}

/** A warrant of a case (令状), from the request to the court to execution or return. */
export interface CaseWarrantTable {
  seq: Generated<number>;
  id: string;
  case_id: string;
  kind: string;
  court: string;
  target: string;
  /** JST calendar days. */
  requested_on: string;
  requested_by: string;
  status: string;
  issued_on: string | null;
  expires_on: string | null;
  executed_on: string | null;
  reason: string | null;
  /** The last day an expiry notice was sent for (a reissued warrant is told again). */
  expiry_notified_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

import { z } from 'zod';
import { caseTaskSchema } from './cases.tasks.contracts.js';
import { relatedNoticeSchema } from './indicators.contracts.js';
import { intakeCategory, timelineEventSchema } from './intake.contracts.js';
import { labelled } from './labels.js';
import { requestSummarySchema } from './requests.contracts.js';

/**
 * Cases (事件・事案): an investigation opened from consultations or directly, owned by one unit,
 * with a lead investigator and a status that follows the case lifecycle (server:
 * domains/cases/cases.lifecycle.ts). Classification reuses intake's categories and 手口 codes.
 */
export const caseStatus = labelled({
  lead: { ja: '端緒', en: 'Lead' },
  investigating: { ja: '捜査中', en: 'Under investigation' },
  cleared: { ja: '送致・検挙', en: 'Cleared / referred' },
  dropped: { ja: '打切り', en: 'Discontinued' },
  closed: { ja: '終結', en: 'Closed' },
});
export type CaseStatus = (typeof caseStatus.keys)[number];
export type CaseCategory = (typeof intakeCategory.keys)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
/** 送致日: a calendar date (JST), as people write it on the referral. */
const isoDay = z.iso.date();
const caseNo = z.string();

export const caseCreateSchema = z.strictObject({
  title: text(200),
  category: intakeCategory.schema.nullable().default(null),
  modus: z.string().min(1).max(40).nullable().default(null),
  narrative: z.string().max(20_000).default(''),
  /** 主任捜査官: a person of the creator's unit; the creator when left out. */
  leadUserId: z.string().min(1).max(64).optional(),
  /** Consultations the case grows from; each must be readable by the creator. */
  consultationIds: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export type CaseCreate = z.infer<typeof caseCreateSchema>;

/**
 * An edit of what a case says (件名, 分類, 手口, 主任捜査官, 概要): only what is sent changes. The
 * status moves by caseTransitionSchema, never here.
 */
export const caseUpdateSchema = z.strictObject({
  /** The version read; a newer one means someone changed the case since (409). */
  version: z.number().int().positive(),
  title: text(200).optional(),
  category: intakeCategory.schema.nullable().optional(),
  modus: z.string().min(1).max(40).nullable().optional(),
  narrative: z.string().max(20_000).optional(),
  leadUserId: z.string().min(1).max(64).optional(),
});
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

/** The result fields of a case: 検挙人員 and 送致日 for 送致・検挙, 打切り理由 for 打切り. */
const resultFields = {
  arrestedCount: z.number().int().min(0).max(10_000),
  referredOn: isoDay,
  dropReason: text(2000),
};

export const caseTransitionSchema = z.strictObject({
  to: caseStatus.schema,
  /** The version read; a newer one means someone changed the case since (409). */
  version: z.number().int().positive(),
  arrestedCount: resultFields.arrestedCount.optional(),
  referredOn: resultFields.referredOn.optional(),
  dropReason: resultFields.dropReason.optional(),
  /** Why: required to reopen a closed case, kept in the audit trail. */
  reason: text(2000).optional(),
});
export type CaseTransition = z.infer<typeof caseTransitionSchema>;

export const caseSummarySchema = z.object({
  id: z.string(),
  caseNo,
  title: z.string(),
  status: caseStatus.schema,
  owningUnitId: z.string(),
  owningUnitName: z.string(),
  owningUnitNameEn: z.string().nullable(),
  leadUserId: z.string(),
  leadName: z.string(),
  category: intakeCategory.schema.nullable(),
  modus: z.string().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  unitName: z.string(),
  unitNameEn: z.string(),
  addedAt: z.string(),
});
export type CaseMember = z.infer<typeof caseMemberSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  narrative: z.string(),
  arrestedCount: z.number().nullable(),
  referredOn: z.string().nullable(),
  dropReason: z.string().nullable(),
  version: z.number(),
  /** Where the caller may move the case next (the lifecycle and their permissions), for the form's choices. */
  nextStatuses: z.array(caseStatus.schema),
  /** `readable`: whether the caller may open the consultation (a unit the case was shared with may not). */
  consultations: z.array(z.object({ id: z.string(), linkedAt: z.string(), readable: z.boolean() })),
  /** Values read in the case's text (phones, accounts, URLs, …), correlated like every record's. */
  indicators: z.array(
    z.object({ id: z.number(), type: z.string(), value: z.string(), attributes: z.record(z.string(), z.string()).optional() }),
  ),
  /** Other records holding those values, within need-to-know (the rest as a count). */
  related: z.array(relatedNoticeSchema),
  /** 捜査事項, in the order they were added. */
  tasks: z.array(caseTaskSchema),
  /** 支援要請 sent (or recorded) for the case, those the caller may read. */
  requests: z.array(requestSummarySchema),
  /** 捜査班: officers of other units on the case (the owning unit's own read it already). */
  members: z.array(caseMemberSchema),
  /** 被害額 summed over the consultations the case grew from, and how many of them state one. */
  damage: z.object({ total: z.number(), counted: z.number() }),
  /** 経過: what happened to the case, oldest first, with the notes (捜査メモ). */
  timeline: z.array(timelineEventSchema),
  /** Whether the caller may record a note (the owning unit, or a team member, with cases.write). */
  canNote: z.boolean(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseListQuerySchema = z.strictObject({
  status: caseStatus.schema.optional(),
  unitId: z.string().max(64).optional(),
  /** 分類, 手口, 主任捜査官 and the period the case was opened in (from inclusive, to exclusive, UTC). */
  category: intakeCategory.schema.optional(),
  modus: z.string().min(1).max(40).optional(),
  leadUserId: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export const caseListSchema = z.object({
  items: z.array(caseSummarySchema),
  /** How many match, counted up to 1,000 (`capped` beyond: the page says 「1,000 件以上」). */
  total: z.number(),
  capped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const caseCreatedSchema = z.object({ id: z.string(), caseNo, version: z.number() });
export const caseUpdatedSchema = z.object({ id: z.string(), version: z.number() });
export const caseTransitionedSchema = z.object({ id: z.string(), version: z.number(), status: caseStatus.schema });

/**
 * What the station that took a consultation sees of the cases it became: the number and status,
 * never the content unless it may read the case (`readable`, then the detail opens).
 */
export const consultationCasesSchema = z.object({
  items: z.array(z.object({ id: z.string(), caseNo, status: caseStatus.schema, readable: z.boolean() })),
});

/** A 捜査メモ: free text, read for indicators like the narrative. */
export const caseNoteSchema = z.strictObject({ text: text(10_000) });
export const caseMemberAddSchema = z.strictObject({ userId: z.string().min(1).max(64) });
export const memberChoicesQuerySchema = z.strictObject({ q: z.string().trim().max(40).optional() });
export const memberChoicesSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string(), unitNameEn: z.string() })),
});

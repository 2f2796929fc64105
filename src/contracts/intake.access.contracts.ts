import { z } from 'zod';
import { escalationState } from './intake.contracts.js';

/**
 * 閲覧依頼 as a workflow: a unit asks サイバー課 for the other units' records that share an
 * indicator with its own; サイバー課 sees the request with its context and approves it (sharing
 * the records it chose, with or without the right to reveal personal fields) or declines it with
 * a reason. The requester is told either way.
 */
export const accessRequestStates = ['pending', 'approved', 'declined'] as const;
export const accessRequestStateSchema = z.enum(accessRequestStates);
export type AccessRequestState = z.infer<typeof accessRequestStateSchema>;
export const accessRequestStateLabels: Record<AccessRequestState, { ja: string; en: string }> = {
  pending: { ja: '判断待ち', en: 'Awaiting decision' },
  approved: { ja: '承認（共有済）', en: 'Approved (shared)' },
  declined: { ja: '不承認', en: 'Declined' },
};

export const accessRequestSummarySchema = z.object({
  id: z.string(),
  state: accessRequestStateSchema,
  indicator: z.object({ id: z.number(), type: z.string(), value: z.string() }),
  requesterName: z.string(),
  requesterUnitName: z.string(),
  requesterUnitNameEn: z.string(),
  reason: z.string(),
  /** Records the requesting unit could not read when it asked. */
  hidden: z.number(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  shared: z.number(),
  allowReveal: z.boolean(),
});
export type AccessRequestSummary = z.infer<typeof accessRequestSummarySchema>;

/** A record the request is about: what サイバー課 needs to decide (they may read every record). */
export const requestedRecordSchema = z.object({
  id: z.string(),
  refNo: z.string(),
  summary: z.string(),
  owningUnitName: z.string(),
  owningUnitNameEn: z.string(),
  receivedAt: z.string(),
  escalation: escalationState.schema,
  /** Already readable by the requesting unit (shared since, or by another request). */
  readable: z.boolean(),
});
export type RequestedRecord = z.infer<typeof requestedRecordSchema>;

export const accessRequestDetailSchema = accessRequestSummarySchema.extend({
  /** The requester's own records with the indicator (why they asked). */
  ownRecords: z.array(requestedRecordSchema),
  /** The other units' records with the indicator. */
  records: z.array(requestedRecordSchema),
});
export type AccessRequestDetail = z.infer<typeof accessRequestDetailSchema>;

export const accessRequestListQuerySchema = z.strictObject({ state: z.enum(['pending', 'decided']).optional() });

export const accessDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    /** The records to share (a subset of the request's records); at least one. */
    recordIds: z.array(z.string().min(1).max(64)).min(1, '共有する記録を選択してください').max(200),
    /** Also let the unit reveal the personal fields (with a reason, audited). */
    allowReveal: z.boolean().default(false),
    note: z.string().trim().max(500).optional(),
  }),
  z.strictObject({
    decision: z.literal('decline'),
    reason: z.string().trim().min(2, '不承認の理由を入力してください').max(500),
  }),
]);
export type AccessDecision = z.input<typeof accessDecisionSchema>;

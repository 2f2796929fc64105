import { z } from 'zod';
import { labelled } from './labels.js';

/**
 * 支援要請・共助: one unit asks another for help — サイバー課 for support, 情報技術解析課 for
 * analysis, another prefecture's police for 捜査共助, the NPA, or a foreign agency through the NPA
 * (国際捜査共助). The requesting unit sees the status as soon as it changes; each kind has a
 * deadline to accept and to answer (the SLA), and an overdue request is escalated to the unit above.
 */
export const requestKind = labelled({
  support: { ja: 'サイバー課への支援要請', en: 'Support from the cyber division' },
  analysis: { ja: '解析依頼', en: 'Analysis request' },
  prefecture: { ja: '捜査共助依頼（他府県警察）', en: 'Assistance from another prefecture' },
  npa: { ja: '警察庁への依頼', en: 'Request to the NPA' },
  international: { ja: '国際捜査共助（警察庁経由）', en: 'International assistance (through the NPA)' },
});
export type RequestKind = (typeof requestKind.keys)[number];

export const requestStatus = labelled({
  requested: { ja: '依頼', en: 'Requested' },
  accepted: { ja: '受理', en: 'Accepted' },
  declined: { ja: '辞退', en: 'Declined' },
  inProgress: { ja: '対応中', en: 'In progress' },
  answered: { ja: '回答', en: 'Answered' },
  completed: { ja: '完了', en: 'Completed' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
});
export type RequestStatus = (typeof requestStatus.keys)[number];

/** 国際捜査共助's channel through the NPA. */
export const requestChannel = labelled({
  icpo: { ja: 'ICPO（国際刑事警察機構）', en: 'ICPO' },
  network247: { ja: '24時間コンタクトポイント', en: '24/7 network' },
  mlat: { ja: '刑事共助条約（MLAT）', en: 'MLAT' },
});

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);

export const requestCreateSchema = z
  .strictObject({
    kind: requestKind.schema,
    /** The unit asked. For a request received from outside (`fromUnitId` given), the caller's own unit. */
    toUnitId: id.optional(),
    /** Recording a request received from outside Renkei (another prefecture, the NPA): who sent it. */
    fromUnitId: id.optional(),
    caseId: id.nullable().default(null),
    title: text(200),
    body: text(8000),
    country: z.string().trim().min(1).max(80).nullable().default(null),
    channel: requestChannel.schema.nullable().default(null),
  })
  .refine((r) => r.toUnitId !== undefined || r.fromUnitId !== undefined, {
    message: '依頼先（または受けた依頼の依頼元）を指定してください',
    path: ['toUnitId'],
  });
export type RequestCreate = z.infer<typeof requestCreateSchema>;

export const requestTransitionSchema = z.strictObject({
  to: requestStatus.schema,
  version: z.number().int().positive(),
  /** 辞退の理由, 回答, 再依頼・取下げの理由: what the change needs (the lifecycle names it). */
  declineReason: text(4000).optional(),
  answer: text(8000).optional(),
  reason: text(4000).optional(),
});
export type RequestTransition = z.infer<typeof requestTransitionSchema>;

export const requestMessageCreateSchema = z.strictObject({ text: text(8000) });

export const requestSummarySchema = z.object({
  id: z.string(),
  requestNo: z.string(),
  kind: requestKind.schema,
  status: requestStatus.schema,
  title: z.string(),
  fromUnitId: z.string(),
  fromUnitName: z.string(),
  toUnitId: z.string(),
  toUnitName: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  /** The deadline now running: to accept while 依頼, to answer while 受理・対応中. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  body: z.string(),
  country: z.string().nullable(),
  channel: requestChannel.schema.nullable(),
  declineReason: z.string().nullable(),
  answer: z.string().nullable(),
  version: z.number(),
  /** Which side the caller is on (both when their unit records for an outside party), and where they may move it. */
  parties: z.array(z.enum(['requester', 'handler'])),
  nextStatuses: z.array(requestStatus.schema),
  messages: z.array(
    z.object({ id: z.string(), at: z.string(), unitName: z.string(), userName: z.string(), kind: z.string(), text: z.string() }),
  ),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const requestListQuerySchema = z.strictObject({
  /** 受けた依頼 (to the caller's unit) or 出した依頼 (from it). */
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  open: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const requestListSchema = z.object({ items: z.array(requestSummarySchema), overdue: z.number() });
export const requestSavedSchema = z.object({ id: z.string(), requestNo: z.string(), version: z.number() });
export const requestTransitionedSchema = z.object({ id: z.string(), version: z.number(), status: requestStatus.schema });

/** Units a request may go to (every unit but the caller's), with their kind for the form to suggest. */
export const requestTargetsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable(), kind: z.string(), inRenkei: z.boolean() })),
});

/** Deadlines per kind, in hours: to accept, and to answer once accepted. */
export const requestSlaSchema = z.object({
  items: z.array(z.object({ kind: requestKind.schema, acceptHours: z.number(), answerHours: z.number() })),
});
export const requestSlaPutSchema = z.strictObject({
  acceptHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  answerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365),
});

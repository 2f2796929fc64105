import { z } from 'zod';
import { labelled } from './labels.js';

/**
 * 照会・保全: the letters a case sends to providers, carriers and banks. A letter is drafted
 * (起案), reviewed and approved by a second person (決裁: the drafter cannot approve their own),
 * which gives it its number from the unit's letter register (文書番号, 宮本サ対第123号), then sent
 * and answered. The letter itself is a PDF in the form police send, dated in 和暦.
 */
export const legalKind = labelled({
  inquiry: { ja: '捜査関係事項照会', en: 'Inquiry (Code of Criminal Procedure art. 197(2))' },
  preservation: { ja: '通信履歴の保全要請', en: 'Preservation request (art. 197(3))' },
});
export type LegalKind = (typeof legalKind.keys)[number];

export const legalStatus = labelled({
  draft: { ja: '起案中', en: 'Draft' },
  approved: { ja: '決裁済', en: 'Approved' },
  sent: { ja: '送付済', en: 'Sent' },
  answered: { ja: '回答済', en: 'Answered' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
});
export type LegalStatus = (typeof legalStatus.keys)[number];

/** Who letters go to: the recipient registry. Banks carry their 金融機関コード (zengin-code). */
export const recipientKind = labelled({
  provider: { ja: 'プロバイダ・事業者', en: 'Provider' },
  carrier: { ja: '電気通信事業者', en: 'Carrier' },
  bank: { ja: '金融機関', en: 'Bank' },
  other: { ja: 'その他', en: 'Other' },
});
export type RecipientKind = (typeof recipientKind.keys)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);
const day = z.iso.date();

export const recipientCreateSchema = z.strictObject({
  kind: recipientKind.schema,
  name: text(120),
  /** The department letters are addressed to (法務部 捜査照会担当 …). */
  department: z.string().trim().max(120).default(''),
  address: z.string().trim().max(200).default(''),
  /** A bank's 4-digit 金融機関コード. */
  bankCode: z
    .string()
    .regex(/^\d{4}$/, '金融機関コードは4桁の数字です')
    .nullable()
    .default(null),
});
export type RecipientCreate = z.infer<typeof recipientCreateSchema>;

export const recipientSchema = z.object({
  id: z.string(),
  kind: recipientKind.schema,
  name: z.string(),
  department: z.string(),
  address: z.string(),
  bankCode: z.string().nullable(),
});
export type Recipient = z.infer<typeof recipientSchema>;
export const recipientListSchema = z.object({ items: z.array(recipientSchema) });

export const legalCreateSchema = z.strictObject({
  kind: legalKind.schema,
  recipientId: id,
  /** What is asked (照会事項): the values and the period, as the letter will say it. */
  subject: text(4000),
  /** The answer asked for by (回答期限). */
  dueOn: day.nullable().default(null),
});
export type LegalCreate = z.infer<typeof legalCreateSchema>;

export const legalTransitionSchema = z.strictObject({
  to: legalStatus.schema,
  version: z.number().int().min(1),
  sentOn: day.optional(),
  answer: z.string().trim().max(8000).optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type LegalTransition = z.infer<typeof legalTransitionSchema>;

export const legalProcessSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: legalKind.schema,
  status: legalStatus.schema,
  recipient: recipientSchema,
  subject: z.string(),
  dueOn: z.string().nullable(),
  /** 文書番号, given when approved. */
  letterNo: z.string().nullable(),
  draftedBy: z.object({ id: z.string(), name: z.string() }),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  approvedAt: z.string().nullable(),
  sentOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  /** Sent, unanswered, and past its 回答期限. */
  overdue: z.boolean(),
  version: z.number(),
  nextStatuses: z.array(legalStatus.schema),
  /** The caller drafted it: approving it is for someone else. */
  mine: z.boolean(),
});
export type LegalProcess = z.infer<typeof legalProcessSchema>;
export const legalListSchema = z.object({ items: z.array(legalProcessSchema) });
export const legalSavedSchema = z.object({
  id: z.string(),
  status: legalStatus.schema,
  version: z.number(),
  letterNo: z.string().nullable(),
});

export const letterPrefixSchema = z.strictObject({
  /** The unit's 文書記号 (宮本サ対): a letter is numbered 宮本サ対第123号. */
  prefix: z.string().trim().min(1).max(20),
});

/**
 * 令状: warrants a case asks a court for (請求), which the court issues (発付) for a period
 * (有効期間) or rejects (却下); an issued warrant is executed (執行) or returned unexecuted (返還).
 */
export const warrantKind = labelled({
  searchSeizure: { ja: '捜索差押許可状', en: 'Search and seizure warrant' },
  seizure: { ja: '差押許可状', en: 'Seizure warrant' },
  recordOrder: { ja: '記録命令付差押許可状', en: 'Seizure warrant with a records order' },
  inspection: { ja: '検証許可状', en: 'Inspection warrant' },
  arrest: { ja: '逮捕状', en: 'Arrest warrant' },
});
export type WarrantKind = (typeof warrantKind.keys)[number];

export const warrantStatus = labelled({
  requested: { ja: '請求中', en: 'Requested' },
  issued: { ja: '発付済', en: 'Issued' },
  executed: { ja: '執行済', en: 'Executed' },
  returned: { ja: '未執行返還', en: 'Returned unexecuted' },
  rejected: { ja: '却下', en: 'Rejected' },
});
export type WarrantStatus = (typeof warrantStatus.keys)[number];

export const warrantCreateSchema = z.strictObject({
  kind: warrantKind.schema,
  /** The court asked (請求先): 仙台簡易裁判所 …. */
  court: text(120),
  /** What it is for: the place, the things, the person (捜索すべき場所・差し押さえるべき物). */
  target: text(4000),
  requestedOn: day,
});
export type WarrantCreate = z.infer<typeof warrantCreateSchema>;

export const warrantTransitionSchema = z.strictObject({
  to: warrantStatus.schema,
  version: z.number().int().min(1),
  issuedOn: day.optional(),
  /** The last day it may be executed (有効期間の末日). */
  expiresOn: day.optional(),
  executedOn: day.optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type WarrantTransition = z.infer<typeof warrantTransitionSchema>;

export const warrantSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: warrantKind.schema,
  status: warrantStatus.schema,
  court: z.string(),
  target: z.string(),
  requestedOn: z.string(),
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  executedOn: z.string().nullable(),
  reason: z.string().nullable(),
  /** Issued, not executed, and past the last day of its period. */
  expired: z.boolean(),
  version: z.number(),
  nextStatuses: z.array(warrantStatus.schema),
});
export type Warrant = z.infer<typeof warrantSchema>;
export const warrantListSchema = z.object({ items: z.array(warrantSchema) });
export const warrantSavedSchema = z.object({ id: z.string(), status: warrantStatus.schema, version: z.number() });

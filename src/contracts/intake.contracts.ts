import { z } from 'zod';
import { candidateReasonSchema, candidateStatusSchema, indicatorRoleSchema, relatedNoticeSchema } from './indicators.contracts.js';
import { type Labels, labelled } from './labels.js';

/**
 * Intake (受理): consultations, reports and tips taken at any station or channel. Identifiers
 * follow docs/GLOSSARY.md; labels are the words officers use (../shared/TERMS.md). Server, web
 * and CLI share these schemas, so an enum changes in one place.
 */
export const intakeKind = labelled({
  report: { ja: '通報', en: 'Report' },
  consultation: { ja: '相談', en: 'Consultation' },
  tip: { ja: '情報提供', en: 'Tip' },
});

export const intakeChannel = labelled({
  visit: { ja: '来署', en: 'In person' },
  phone: { ja: '電話', en: 'Phone' },
  call9110: { ja: '#9110', en: '#9110' },
  online: { ja: 'オンライン窓口', en: 'Online window' },
  call110: { ja: '110番', en: '110 call' },
  hotlineCenter: { ja: 'インターネット・ホットラインセンター', en: 'Internet Hotline Center' },
  cyberPatrol: { ja: 'サイバーパトロール', en: 'Cyber patrol' },
  agency: { ja: '関係機関', en: 'Other agency' },
});

/** The six Miyagi consultation categories. */
export const intakeCategory = labelled({
  fraud: { ja: '詐欺・悪質商法関係等', en: 'Fraud / malicious business' },
  defamation: { ja: '名誉毀損、誹謗中傷関係', en: 'Defamation / online abuse' },
  intrusion: { ja: '不正アクセス・ウイルス関係', en: 'Unauthorized access / malware' },
  spam: { ja: '迷惑メール関係', en: 'Spam / phishing mail' },
  illegalSite: { ja: '違法有害サイト関係', en: 'Illegal / harmful sites' },
  other: { ja: 'その他', en: 'Other' },
});

export const contactMethod = labelled({
  email: { ja: 'メール', en: 'Email' },
  sms: { ja: 'SMS', en: 'SMS' },
  sns: { ja: 'SNS', en: 'Social media' },
  phone: { ja: '電話', en: 'Phone' },
  webAd: { ja: 'Web広告', en: 'Web advert' },
  website: { ja: 'Webサイト', en: 'Website' },
  other: { ja: 'その他', en: 'Other' },
});

export const damageKind = labelled({
  money: { ja: '金銭被害', en: 'Financial loss' },
  information: { ja: '情報流出', en: 'Data leak' },
  system: { ja: 'システム被害', en: 'System damage' },
  reputation: { ja: '名誉・信用', en: 'Reputation' },
  none: { ja: '被害なし', en: 'No damage' },
  other: { ja: 'その他', en: 'Other' },
});

export const paymentMethod = labelled({
  bankTransfer: { ja: '振込', en: 'Bank transfer' },
  netBanking: { ja: 'ネットバンキング', en: 'Internet banking' },
  creditCard: { ja: 'クレジットカード', en: 'Credit card' },
  eMoney: { ja: '電子マネー', en: 'E-money / gift card' },
  crypto: { ja: '暗号資産', en: 'Crypto-assets' },
  cash: { ja: '現金', en: 'Cash' },
  other: { ja: 'その他', en: 'Other' },
});

/** The five dispositions (処理区分). */
export const disposition = labelled({
  advice: { ja: '教示・助言', en: 'Advice' },
  crimePrevention: { ja: '防犯指導', en: 'Crime-prevention guidance' },
  warnCounterparty: { ja: '相手方への指導警告', en: 'Warning to the counterparty' },
  investigation: { ja: '捜査・検挙', en: 'Investigation / clearance' },
  handover: { ja: '他機関への引継ぎ', en: 'Handover to another body' },
});

export const intakeStatus = labelled({
  received: { ja: '受理', en: 'Received' },
  inProgress: { ja: '対応中', en: 'In progress' },
  closed: { ja: '終結', en: 'Closed' },
});

export const escalationState = labelled({
  none: { ja: '報告なし', en: 'Not escalated' },
  pending: { ja: '報告中（未確認）', en: 'Escalated, awaiting acknowledgement' },
  overdue: { ja: '確認期限超過', en: 'Acknowledgement overdue' },
  acknowledged: { ja: '確認済', en: 'Acknowledged' },
  guided: { ja: '指導済', en: 'Guidance returned' },
});

export const partyType = labelled({
  individual: { ja: '個人', en: 'Individual' },
  organisation: { ja: '法人・団体', en: 'Organisation' },
});

export const orgSize = labelled({
  large: { ja: '大企業', en: 'Large enterprise' },
  sme: { ja: '中小企業', en: 'SME' },
  group: { ja: '団体等', en: 'Other organisation' },
});

/** Sectors; `critical` marks 重要インフラ and government, which the default rules escalate. */
export const sector = labelled({
  government: { ja: '政府機関', en: 'Government' },
  localGovernment: { ja: '地方公共団体', en: 'Local government' },
  finance: { ja: '金融', en: 'Finance' },
  telecom: { ja: '情報通信', en: 'Telecoms' },
  energy: { ja: '電力・ガス', en: 'Energy' },
  water: { ja: '水道', en: 'Water' },
  transport: { ja: '運輸・物流', en: 'Transport / logistics' },
  medical: { ja: '医療', en: 'Medical' },
  manufacturing: { ja: '製造', en: 'Manufacturing' },
  retail: { ja: '小売・EC', en: 'Retail / e-commerce' },
  education: { ja: '教育', en: 'Education' },
  other: { ja: 'その他', en: 'Other' },
});
export const criticalSectors: readonly z.infer<typeof sector.schema>[] = [
  'government',
  'localGovernment',
  'finance',
  'telecom',
  'energy',
  'water',
  'transport',
  'medical',
];

export const accountType = labelled({
  '1': { ja: '普通', en: 'Ordinary' },
  '2': { ja: '当座', en: 'Current' },
  '4': { ja: '貯蓄', en: 'Savings' },
  '9': { ja: 'その他', en: 'Other' },
});

// ---- input -------------------------------------------------------------------------------

export const NARRATIVE_MAX = 20_000;
const isoDate = z.iso.datetime({ offset: true, message: '日時の形式が正しくありません' });
const text = (max: number) => z.string().trim().max(max);

export const bankDetailsSchema = z.strictObject({
  bankCode: z.string().regex(/^\d{4}$/, '金融機関コードは4桁の数字です'),
  branchCode: z.string().regex(/^\d{3}$/, '支店コードは3桁の数字です'),
  accountType: accountType.schema,
  accountNumber: z.string().regex(/^\d{7}$/, '口座番号は7桁の数字です'),
  holderKana: text(60).optional(),
});
export type BankDetails = z.infer<typeof bankDetailsSchema>;

export const partyInputSchema = z.strictObject({
  type: partyType.schema,
  name: text(100).optional(),
  address: text(200).optional(),
  phone: text(30).optional(),
  orgSize: orgSize.schema.optional(),
  sector: sector.schema.optional(),
  ageGroup: z.enum(['minor', 'adult', 'senior']).optional(),
  bank: bankDetailsSchema.optional(),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

export const flagsSchema = z.strictObject({
  minorInvolved: z.boolean().default(false),
  threatToLife: z.boolean().default(false),
  multipleVictims: z.boolean().default(false),
  ongoing: z.boolean().default(false),
  otherPrefectureOrAbroad: z.boolean().default(false),
  technicalAnalysisNeeded: z.boolean().default(false),
});
export const flagLabels: Labels<keyof z.infer<typeof flagsSchema>> = {
  minorInvolved: { ja: '少年が関係', en: 'Minor involved' },
  threatToLife: { ja: '生命・身体への危険', en: 'Threat to life' },
  multipleVictims: { ja: '被害者多数', en: 'Multiple victims' },
  ongoing: { ja: '被害継続中', en: 'Ongoing' },
  otherPrefectureOrAbroad: { ja: '他県・国外の関与', en: 'Other prefecture or abroad' },
  technicalAnalysisNeeded: { ja: '技術的解析が必要', en: 'Technical analysis needed' },
};

export const wishesSchema = z.strictObject({
  punishment: z.boolean().default(false),
  damageReport: z.boolean().default(false),
  removalOnly: z.boolean().default(false),
});

const indicatorKey = z.strictObject({ type: z.string().max(20), value: z.string().max(2000) });

/** The record's fields without defaults: an update must change only what it sends. */
const consultationFields = {
  kind: intakeKind.schema,
  channel: intakeChannel.schema,
  category: intakeCategory.schema,
  modus: z.string().min(1).max(40),
  contactMethods: z.array(contactMethod.schema).max(7),
  snsService: text(50).optional(),
  receivedAt: isoDate.optional(),
  occurredAt: isoDate.nullable().optional(),
  discoveredAt: isoDate.nullable().optional(),
  damageAmount: z.number().int('被害額は円単位の整数です').min(0, '被害額に負の値は入力できません').max(1e13).nullable().optional(),
  damageKind: damageKind.schema.nullable().optional(),
  paymentMethod: paymentMethod.schema.nullable().optional(),
  complainant: partyInputSchema,
  victimSameAsComplainant: z.boolean(),
  victim: partyInputSchema.optional(),
  wishes: wishesSchema,
  flags: flagsSchema,
  summary: z.string().trim().min(1, '件名を入力してください').max(100),
  narrative: z.string().max(NARRATIVE_MAX, `相談内容は${NARRATIVE_MAX.toLocaleString('ja-JP')}文字以内です`),
  /** Extracted values the officer marked as not indicators (false positives). */
  excludedIndicators: z.array(indicatorKey).max(500),
  /**
   * Roles the officer chose for values of the text (相手方・被疑者側 / 相談者・被害者側 / 不明);
   * a value not listed is the complainant's when it equals a party field, else 不明.
   */
  indicatorRoles: z.array(indicatorKey.extend({ role: indicatorRoleSchema })).max(500),
};

export const consultationInputSchema = z.strictObject({
  ...consultationFields,
  /** Set by the form once per draft: a double submit returns the first record instead of a second. */
  idempotencyKey: z.string().min(8).max(64).optional(),
  contactMethods: consultationFields.contactMethods.default([]),
  victimSameAsComplainant: consultationFields.victimSameAsComplainant.default(true),
  wishes: wishesSchema.default({ punishment: false, damageReport: false, removalOnly: false }),
  flags: flagsSchema.default({
    minorInvolved: false,
    threatToLife: false,
    multipleVictims: false,
    ongoing: false,
    otherPrefectureOrAbroad: false,
    technicalAnalysisNeeded: false,
  }),
  narrative: consultationFields.narrative.default(''),
  excludedIndicators: consultationFields.excludedIndicators.default([]),
  indicatorRoles: consultationFields.indicatorRoles.default([]),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

/** An update sends the version it edited; a concurrent edit answers 409 instead of overwriting. */
export const consultationUpdateSchema = z
  .strictObject(consultationFields)
  .partial()
  .extend({
    version: z.number().int().positive(),
    status: intakeStatus.schema.optional(),
    disposition: disposition.schema.nullable().optional(),
    handoverTo: text(200).nullable().optional(),
    nextFollowUpAt: isoDate.nullable().optional(),
  });
export type ConsultationUpdate = z.infer<typeof consultationUpdateSchema>;

// ---- output ------------------------------------------------------------------------------

/** Personal fields arrive masked ("山＊ ＊＊", "090-****-5678"); `revealed` when shown in full. */
export const partyViewSchema = z.object({
  type: partyType.schema,
  name: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  orgSize: orgSize.schema.nullable(),
  sector: sector.schema.nullable(),
  ageGroup: z.enum(['minor', 'adult', 'senior']).nullable(),
  bank: z
    .object({
      bankCode: z.string(),
      bankName: z.string().nullable(),
      branchCode: z.string(),
      branchName: z.string().nullable(),
      accountType: accountType.schema,
      accountNumber: z.string(),
      holderKana: z.string().nullable(),
    })
    .nullable(),
});
export type PartyView = z.infer<typeof partyViewSchema>;

export const consultationSummarySchema = z.object({
  id: z.string(),
  refNo: z.string(),
  kind: intakeKind.schema,
  channel: intakeChannel.schema,
  category: intakeCategory.schema,
  modus: z.string(),
  summary: z.string(),
  receivedAt: z.string(),
  owningUnitId: z.string(),
  owningUnitName: z.string(),
  /** Every unit name comes with its English name (`nameEn`): the English UI shows that one (useUnitName). */
  owningUnitNameEn: z.string(),
  status: intakeStatus.schema,
  escalation: escalationState.schema,
  damageAmount: z.number().nullable(),
  complainantName: z.string().nullable(),
});
export type ConsultationSummary = z.infer<typeof consultationSummarySchema>;

export const timelineEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorName: z.string().nullable(),
  actorUnitName: z.string().nullable(),
  actorUnitNameEn: z.string().nullable(),
  text: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const escalationViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  refNo: z.string(),
  summary: z.string(),
  fromUnitName: z.string(),
  fromUnitNameEn: z.string(),
  toUnitName: z.string(),
  toUnitNameEn: z.string(),
  manual: z.boolean(),
  urgent: z.boolean(),
  rules: z.array(z.string()),
  reason: z.string().nullable(),
  state: escalationState.schema,
  raisedAt: z.string(),
  dueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  guidance: z.string().nullable(),
  guidanceAt: z.string().nullable(),
  overdueLevel: z.number(),
});
export type EscalationView = z.infer<typeof escalationViewSchema>;

/** For the shared renderer (indicators.display.ts): bank and branch names, account holder, an IDN host in Unicode. */
const valueAttributes = z.record(z.string(), z.string()).optional();

// Related-record notices are every record type's (indicators contracts): re-exported for intake's callers.
export { type RelatedNotice, relatedNoticeSchema } from './indicators.contracts.js';

export const consultationDetailSchema = consultationSummarySchema.extend({
  version: z.number(),
  contactMethods: z.array(contactMethod.schema),
  snsService: z.string().nullable(),
  occurredAt: z.string().nullable(),
  discoveredAt: z.string().nullable(),
  damageKind: damageKind.schema.nullable(),
  paymentMethod: paymentMethod.schema.nullable(),
  receivedByName: z.string(),
  complainant: partyViewSchema,
  victimSameAsComplainant: z.boolean(),
  victim: partyViewSchema.nullable(),
  wishes: wishesSchema,
  flags: flagsSchema,
  narrative: z.string(),
  disposition: disposition.schema.nullable(),
  handoverTo: z.string().nullable(),
  nextFollowUpAt: z.string().nullable(),
  /** `role` victim: the complainant's or victim's own value, kept out of correlation. */
  indicators: z.array(
    z.object({ id: z.number(), type: z.string(), value: z.string(), role: indicatorRoleSchema, attributes: valueAttributes }),
  ),
  /** The roles the officer chose (the rest follow the party fields): what a role change sends back, amended. */
  indicatorRoles: z.array(indicatorKey.extend({ role: indicatorRoleSchema })),
  related: z.array(relatedNoticeSchema),
  escalations: z.array(escalationViewSchema),
  timeline: z.array(timelineEventSchema),
  /** Units the record is shared with; null for readers who are not the owning unit or prefecture-wide. */
  sharedWith: z
    .array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        unitNameEn: z.string(),
        sharedAt: z.string(),
        reason: z.string(),
        allowReveal: z.boolean(),
      }),
    )
    .nullable(),
});
export type ConsultationDetail = z.infer<typeof consultationDetailSchema>;

/** The list's columns people may sort by (an allow-list: each maps to one ORDER BY on the server). */
export const listSortKeys = ['receivedAt', 'refNo', 'category', 'modus', 'status', 'escalation', 'damageAmount'] as const;
export const sortOrders = ['asc', 'desc'] as const;
export type SortOrder = (typeof sortOrders)[number];

export const listQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  unitId: z.string().max(64).optional(),
  category: intakeCategory.schema.optional(),
  modus: z.string().max(40).optional(),
  status: intakeStatus.schema.optional(),
  escalation: escalationState.schema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minDamage: z.coerce.number().int().min(0).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** A column of the list to order by; absent: newest received first (search: newest registered first). */
  sort: z.enum(listSortKeys, { error: (iss) => `「${String(iss.input)}」では並べ替えできません（${listSortKeys.join('、')}）` }).optional(),
  /** With `sort`: ascending unless `desc` (a header's first click). */
  order: z.enum(sortOrders, { error: '並べ替えの向きは asc（昇順）か desc（降順）です' }).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ListSortKey = (typeof listSortKeys)[number];
/** What narrows the list (and its counts and exports), without its order and paging. */
export type ListFilters = Omit<ListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;

export const snippetSchema = z.object({ text: z.string(), marks: z.array(z.tuple([z.number(), z.number()])) });

export const listResponseSchema = z.object({
  items: z.array(consultationSummarySchema.extend({ snippet: snippetSchema.nullable() })),
  /** Matches, counted up to a cap: when `capped`, there are more than `total` ("1,000件以上"). */
  total: z.number(),
  capped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const statsResponseSchema = z.object({
  total: z.number(),
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), unitNameEn: z.string(), n: z.number() })),
  byCategory: z.array(z.object({ category: intakeCategory.schema, n: z.number() })),
  byModus: z.array(z.object({ modus: z.string(), n: z.number() })),
});

export const personalFields = [
  'complainant.name',
  'complainant.address',
  'complainant.phone',
  'complainant.bank',
  'victim.name',
  'victim.address',
  'victim.phone',
  'victim.bank',
] as const;
export const revealRequestSchema = z.strictObject({
  fields: z.array(z.enum(personalFields)).min(1).max(personalFields.length),
  reason: z.string().trim().min(2, '閲覧理由を入力してください').max(200),
});
export const revealResponseSchema = z.object({
  complainant: partyViewSchema,
  victim: partyViewSchema.nullable(),
});

/** The parties' phone and account as typed so far: values equal to them are marked as theirs. */
const previewPartySchema = z.strictObject({ phone: text(30).optional(), bank: bankDetailsSchema.optional() });
export const previewRequestSchema = z.strictObject({
  narrative: z.string().max(NARRATIVE_MAX),
  complainant: previewPartySchema.optional(),
  victim: previewPartySchema.optional(),
});
export const previewResponseSchema = z.object({
  hits: z.array(
    z.object({
      type: z.string(),
      value: z.string(),
      raw: z.string(),
      start: z.number(),
      end: z.number(),
      benign: z.boolean(),
      /** victim: equal to the complainant's or victim's phone or account (untick it: not the offender's). */
      role: indicatorRoleSchema,
      /** A value that looks like an indicator but is not certain: shown to correct, never recorded. */
      status: candidateStatusSchema.optional(),
      reasons: z.array(candidateReasonSchema).optional(),
      attributes: valueAttributes,
    }),
  ),
  related: z.array(relatedNoticeSchema),
});

/** Bank and branch lookup by name for the complainant's own account (zengin-code ships with the app). */
export const bankSearchSchema = z.strictObject({ q: z.string().trim().min(1).max(40) });
export const bankChoicesSchema = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), kana: z.string() })) });

export const escalateRequestSchema = z.strictObject({
  reason: z.string().trim().min(2, '報告理由を入力してください').max(1000),
  urgent: z.boolean().default(false),
});
export const guidanceRequestSchema = z.strictObject({ guidance: z.string().trim().min(1, '指導内容を入力してください').max(4000) });
export const noteRequestSchema = z.strictObject({
  kind: z.enum(['note', 'complainantContact']),
  text: z.string().trim().min(1).max(4000),
  nextFollowUpAt: isoDate.nullable().optional(),
});

export const modusSchema = z.object({ code: z.string(), ja: z.string(), en: z.string(), active: z.boolean(), sort: z.number() });
export type Modus = z.infer<typeof modusSchema>;
export const modusInputSchema = z.strictObject({
  code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,39}$/, '英数字（2〜40文字）'),
  ja: z.string().trim().min(1).max(60),
  en: z.string().trim().min(1).max(60),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(10_000).default(100),
});

export const ruleViewSchema = z.object({
  code: z.string(),
  ja: z.string(),
  en: z.string(),
  enabled: z.boolean(),
  urgent: z.boolean(),
  slaMinutes: z.number(),
  threshold: z.number().nullable(),
});
export type RuleView = z.infer<typeof ruleViewSchema>;
export const ruleUpdateSchema = z.strictObject({
  enabled: z.boolean().optional(),
  urgent: z.boolean().optional(),
  slaMinutes: z.number().int().min(5).max(10_080).optional(),
  threshold: z.number().int().min(0).nullable().optional(),
});

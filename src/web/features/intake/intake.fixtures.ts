import {
  type ConsultationDetail,
  type ConsultationSummary,
  type EscalationView,
  flagsSchema,
  wishesSchema,
} from '../../../contracts/intake.contracts.js';

/** Server answers for the intake page tests: one fraud consultation, as GET /api/intake/... returns it. */
export const summary: ConsultationSummary = {
  id: 'c-1',
  refNo: 'R8-000123',
  kind: 'consultation',
  channel: 'phone',
  category: 'fraud',
  modus: 'phishing',
  summary: '宅配業者を装うSMSからID・パスワードを入力した',
  receivedAt: '2026-11-30T01:00:00.000Z',
  owningUnitId: 'unit-1',
  owningUnitName: '中央警察署',
  status: 'received',
  escalation: 'none',
  damageAmount: 50000,
  complainantName: '山＊ ＊＊',
};

const party = {
  type: 'individual',
  name: '山＊ ＊＊',
  address: null,
  phone: '090-****-5678',
  orgSize: null,
  sector: null,
  ageGroup: 'adult',
  bank: null,
} as const;

export const detail: ConsultationDetail = {
  ...summary,
  version: 1,
  contactMethods: ['sms'],
  snsService: null,
  occurredAt: null,
  discoveredAt: null,
  damageKind: null,
  paymentMethod: null,
  receivedByName: '佐藤 一郎',
  complainant: party,
  victimSameAsComplainant: true,
  victim: null,
  // All off: the schemas' defaults.
  wishes: wishesSchema.parse({}),
  flags: flagsSchema.parse({}),
  narrative: '宅配業者を名乗るSMSが届き、記載のURLを開いた。',
  disposition: null,
  handoverTo: null,
  nextFollowUpAt: null,
  indicators: [],
  related: [],
  escalations: [],
  timeline: [],
  sharedWith: [],
};

export const escalation: EscalationView = {
  id: 'e-1',
  consultationId: 'c-1',
  refNo: 'R8-000123',
  summary: summary.summary,
  fromUnitName: '中央警察署',
  toUnitName: 'サイバー課',
  manual: true,
  urgent: false,
  rules: [],
  reason: '同種被害が続いている',
  state: 'pending',
  raisedAt: '2026-11-30T02:00:00.000Z',
  dueAt: '2026-11-30T04:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedByName: null,
  guidance: null,
  guidanceAt: null,
  overdueLevel: 0,
};

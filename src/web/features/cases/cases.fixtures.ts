import type { CaseDetail, CaseSummary } from '../../../contracts/cases.contracts.js';
import type { CaseTask } from '../../../contracts/cases.tasks.contracts.js';
import type { LegalProcess } from '../../../contracts/legal.contracts.js';

/** One case as GET /api/cases lists it. */
export const caseSummary: CaseSummary = {
  id: 'k-1',
  caseNo: '2026-事-000123',
  title: 'SMS 偽宅配業者フィッシングによる不正送金',
  status: 'investigating',
  owningUnitId: 'unit-3',
  owningUnitName: '生活経済課',
  owningUnitNameEn: 'Economic Crime Division',
  leadUserId: 'u-3',
  leadName: '中村 健',
  category: 'fraud',
  modus: null,
  openedAt: '2026-12-01T01:30:00.000Z',
  updatedAt: '2026-12-03T05:00:00.000Z',
};

/** The same case as GET /api/cases/:id answers it, linked to one consultation. */
export const caseDetail: CaseDetail = {
  ...caseSummary,
  narrative: '宅配業者を装う SMS から偽サイトに誘導され、ネットバンキングから送金された事案。',
  arrestedCount: null,
  referredOn: null,
  dropReason: null,
  version: 3,
  nextStatuses: ['cleared', 'dropped'],
  consultations: [{ id: 'c-1', linkedAt: '2026-12-01T01:30:00.000Z', readable: true }],
  indicators: [],
  related: [],
  tasks: [],
  requests: [],
  members: [
    {
      userId: 'u-9',
      name: '小林 陽介',
      unitName: '情報技術解析課',
      unitNameEn: 'Technical Analysis Unit',
      addedAt: '2026-12-02T00:00:00.000Z',
    },
  ],
  damage: { total: 1_250_000, counted: 1 },
  timeline: [
    {
      id: 'e-1',
      at: '2026-12-01T01:30:00.000Z',
      kind: 'opened',
      actorName: '中村 健',
      actorUnitName: '生活経済課',
      actorUnitNameEn: 'Economic Crime Division',
      text: null,
      detail: { caseNo: '2026-事-000123', consultations: 1 },
    },
    {
      id: 'e-2',
      at: '2026-12-02T00:00:00.000Z',
      kind: 'memberAdded',
      actorName: '中村 健',
      actorUnitName: '生活経済課',
      actorUnitNameEn: 'Economic Crime Division',
      text: null,
      detail: { name: '小林 陽介', unit: '情報技術解析課', unitEn: 'Technical Analysis Unit' },
    },
    {
      id: 'e-3',
      at: '2026-12-03T05:00:00.000Z',
      kind: 'note',
      actorName: '中村 健',
      actorUnitName: '生活経済課',
      actorUnitNameEn: 'Economic Crime Division',
      text: '送金先口座の名義人に任意で事情を聴く予定。',
      detail: null,
    },
  ],
  canNote: true,
};

/** A task of that case for the lead, past due, which the signed-in investigator may edit. */
export const caseTask: CaseTask = {
  id: 't-1',
  caseId: 'k-1',
  title: '送金先口座の凍結依頼',
  note: '',
  assigneeUserId: 'u-lead',
  assigneeName: '中村 健',
  assigneeUnitId: 'unit-seikei',
  assigneeUnitName: '生活経済課',
  assigneeUnitNameEn: 'Community Safety Division',
  dueOn: '2026-12-04',
  status: 'todo',
  overdue: true,
  version: 2,
  createdAt: '2026-12-01T02:00:00.000Z',
  completedAt: null,
  canEdit: true,
  canProgress: true,
};

/** A draft inquiry of that case, drafted by someone else of the unit: the signed-in approver may approve it. */
export const legalDraft: LegalProcess = {
  id: 'l-1',
  caseId: 'k-1',
  kind: 'inquiry',
  status: 'draft',
  recipient: {
    id: 'r-1',
    kind: 'carrier',
    name: '杜の都モバイル株式会社',
    department: '捜査関係事項照会センター',
    address: '',
    bankCode: null,
  },
  subject: '電話番号 090-1234-5678 の契約者情報',
  dueOn: '2026-12-21',
  letterNo: null,
  draftedBy: { id: 'u-lead', name: '中村 健' },
  approvedBy: null,
  approvedAt: null,
  sentOn: null,
  answeredOn: null,
  answer: null,
  withdrawReason: null,
  overdue: false,
  version: 1,
  nextStatuses: ['approved', 'withdrawn'],
  mine: false,
};

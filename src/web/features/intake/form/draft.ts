import type { z } from 'zod';
import type { IndicatorRole } from '../../../../contracts/indicators.contracts.js';
import type {
  accountType,
  contactMethod,
  damageKind,
  flagsSchema,
  intakeCategory,
  intakeChannel,
  intakeKind,
  orgSize,
  partyType,
  paymentMethod,
  sector,
  wishesSchema,
} from '../../../../contracts/intake.contracts.js';
import { nowJstInput } from '../../../lib/datetime.js';
import type { AgeGroup } from '../labels.js';

type Key<S extends { keys: readonly string[] }> = S['keys'][number];

export interface BankDraft {
  bankCode: string;
  branchCode: string;
  /** Chosen by the officer ('' until then): a preselected 普通 was kept unread for 当座 accounts. */
  accountType: Key<typeof accountType> | '';
  accountNumber: string;
  holderKana: string;
}

export interface PartyDraft {
  type: Key<typeof partyType>;
  name: string;
  address: string;
  phone: string;
  ageGroup: AgeGroup | '';
  orgSize: Key<typeof orgSize> | '';
  sector: Key<typeof sector> | '';
  withBank: boolean;
  bank: BankDraft;
}

export type PartyRole = 'complainant' | 'victim';
export type IndicatorKey = { type: string; value: string };

/** What the form holds while the officer types; strings as typed, converted on submit (toInput). */
export interface IntakeDraft {
  /** Bumped when the shape changes, so an old stored draft is dropped instead of misread. */
  version: 1;
  /** One per draft: a retry after a lost answer returns the first record instead of a second. */
  idempotencyKey: string;
  kind: Key<typeof intakeKind>;
  channel: Key<typeof intakeChannel>;
  /** datetime-local values, read as JST. */
  receivedAt: string;
  occurredAt: string;
  discoveredAt: string;
  category: Key<typeof intakeCategory> | '';
  modus: string;
  contactMethods: Key<typeof contactMethod>[];
  snsService: string;
  damageAmount: number | '';
  damageKind: Key<typeof damageKind> | '';
  paymentMethod: Key<typeof paymentMethod> | '';
  complainant: PartyDraft;
  victimSameAsComplainant: boolean;
  victim: PartyDraft;
  wishes: z.infer<typeof wishesSchema>;
  flags: z.infer<typeof flagsSchema>;
  summary: string;
  narrative: string;
  /** Values the officer marked as not indicators. */
  excluded: IndicatorKey[];
  /** The complainant's own values the officer ticked after all (they start unticked). Absent in older drafts. */
  included?: IndicatorKey[];
  /** Roles the officer chose (相手方・被疑者側 / 相談者・被害者側 / 不明). Absent in older drafts. */
  roles?: (IndicatorKey & { role: IndicatorRole })[];
}

export const emptyParty = (): PartyDraft => ({
  type: 'individual',
  name: '',
  address: '',
  phone: '',
  ageGroup: '',
  orgSize: '',
  sector: '',
  withBank: false,
  bank: { bankCode: '', branchCode: '', accountType: '', accountNumber: '', holderKana: '' },
});

/** A fresh form: 相談, 来署, received now, victim = complainant. */
export function newDraft(): IntakeDraft {
  return {
    version: 1,
    idempotencyKey: crypto.randomUUID(),
    kind: 'consultation',
    channel: 'visit',
    receivedAt: nowJstInput(),
    occurredAt: '',
    discoveredAt: '',
    category: '',
    modus: '',
    contactMethods: [],
    snsService: '',
    damageAmount: '',
    damageKind: '',
    paymentMethod: '',
    complainant: emptyParty(),
    victimSameAsComplainant: true,
    victim: emptyParty(),
    wishes: { punishment: false, damageReport: false, removalOnly: false },
    flags: {
      minorInvolved: false,
      threatToLife: false,
      multipleVictims: false,
      ongoing: false,
      otherPrefectureOrAbroad: false,
      technicalAnalysisNeeded: false,
    },
    summary: '',
    narrative: '',
    excluded: [],
    included: [],
    roles: [],
  };
}

/** A stored draft merged over the defaults, or null when it is not one of ours. */
export function reviveDraft(value: unknown): IntakeDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const stored = value as Partial<IntakeDraft>;
  if (stored.version !== 1 || typeof stored.idempotencyKey !== 'string') return null;
  const base = newDraft();
  return {
    ...base,
    ...stored,
    complainant: { ...base.complainant, ...stored.complainant },
    victim: { ...base.victim, ...stored.victim },
    wishes: { ...base.wishes, ...stored.wishes },
    flags: { ...base.flags, ...stored.flags },
  };
}

export const indicatorId = (key: IndicatorKey) => `${key.type}\u0000${key.value}`;

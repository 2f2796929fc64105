import { type ConsultationInput, consultationInputSchema, type PartyInput } from '../../../../contracts/intake.contracts.js';
import type { ApiError } from '../../../api/errors.js';
import { jstInputToUtcIso } from '../../../lib/datetime.js';
import type { IntakeDraft, PartyDraft } from './draft.js';

/** Field path ("complainant.phone") → message shown under that field. */
export type FieldErrors = Record<string, string>;

/** Messages the form shows itself, in the UI language; other problems use the schema's text. */
export type ErrorText = (key: 'required' | 'invalidDate' | 'invalid') => string;

const opt = (value: string) => value.trim() || undefined;
type PartyBank = NonNullable<PartyInput['bank']>;

function party(draft: PartyDraft): PartyInput {
  const individual = draft.type === 'individual';
  return {
    type: draft.type,
    name: opt(draft.name),
    address: opt(draft.address),
    phone: opt(draft.phone),
    ageGroup: individual ? draft.ageGroup || undefined : undefined,
    orgSize: individual ? undefined : draft.orgSize || undefined,
    sector: individual ? undefined : draft.sector || undefined,
    bank: draft.withBank
      ? {
          bankCode: draft.bank.bankCode.trim(),
          branchCode: draft.bank.branchCode.trim(),
          // '' is refused by toInput as 必須 before the schema sees it.
          accountType: draft.bank.accountType as PartyBank['accountType'],
          accountNumber: draft.bank.accountNumber.trim(),
          holderKana: opt(draft.bank.holderKana),
        }
      : undefined,
  };
}

/**
 * The request body for POST /api/intake/consultations, checked against the shared schema, or the
 * errors per field. Dates typed in JST become UTC ISO strings.
 */
export function toInput(draft: IntakeDraft, text: ErrorText): { input: ConsultationInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (field: 'receivedAt' | 'occurredAt' | 'discoveredAt') => {
    const iso = jstInputToUtcIso(draft[field]);
    if (iso === null) errors[field] = text('invalidDate');
    return iso ?? undefined;
  };
  const body = {
    idempotencyKey: draft.idempotencyKey,
    kind: draft.kind,
    channel: draft.channel,
    category: draft.category,
    modus: draft.modus,
    contactMethods: draft.contactMethods,
    snsService: opt(draft.snsService),
    receivedAt: date('receivedAt'),
    occurredAt: date('occurredAt'),
    discoveredAt: date('discoveredAt'),
    damageAmount: draft.damageAmount === '' ? undefined : draft.damageAmount,
    damageKind: draft.damageKind || undefined,
    paymentMethod: draft.paymentMethod || undefined,
    complainant: party(draft.complainant),
    victimSameAsComplainant: draft.victimSameAsComplainant,
    victim: draft.victimSameAsComplainant ? undefined : party(draft.victim),
    wishes: draft.wishes,
    flags: draft.flags,
    summary: draft.summary,
    narrative: draft.narrative,
    excludedIndicators: draft.excluded,
    indicatorRoles: draft.roles ?? [],
  };
  if (!draft.category) errors.category = text('required');
  if (!draft.modus) errors.modus = text('required');
  if (!draft.summary.trim()) errors.summary = text('required');
  for (const who of ['complainant', 'victim'] as const) {
    const shown = who === 'complainant' || !draft.victimSameAsComplainant;
    if (shown && draft[who].withBank && !draft[who].bank.accountType) errors[`${who}.bank.accountType`] = text('required');
  }
  const parsed = consultationInputSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      // zod's own messages are English; the contract's custom ones are Japanese and specific.
      errors[path] ??= /[\u3040-\u30ff\u4e00-\u9fff]/.test(issue.message) ? issue.message : text('invalid');
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : parsed.success ? { input: parsed.data } : { errors: { form: text('invalid') } };
}

/** Server validation details as field errors ("body.complainant.phone" and "modus" alike). */
export function serverFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of error.details ?? []) {
    const path = detail.path.replace(/^body\.?/, '');
    if (path) errors[path] ??= detail.message;
  }
  return errors;
}

import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LegalTransition, legalCreateSchema, WarrantCreate, WarrantTransition } from '../../../contracts/legal.contracts.js';
import { legalEndpoints as ep } from '../../../contracts/legal.endpoints.js';
import { call, endpointUrl } from '../../api/client.js';

export const legalKeys = {
  all: ['cases', 'legal'] as const,
  ofCase: (caseId: string) => ['cases', 'legal', caseId] as const,
  recipients: ['cases', 'legal', 'recipients'] as const,
  prefix: ['cases', 'legal', 'prefix'] as const,
  warrants: (caseId: string) => ['cases', 'warrants', caseId] as const,
};
export type LegalCreateInput = z.input<typeof legalCreateSchema>;

/** GET /api/cases/:id/legal: the case's letters with what the caller may do with each. */
export const legalQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: legalKeys.ofCase(caseId),
    queryFn: ({ signal }) => call(ep.listLegal, { params: { id: caseId }, signal }),
  });

/** GET /api/legal/recipients: the registry letters are addressed from. */
export const recipientsQueryOptions = queryOptions({
  queryKey: legalKeys.recipients,
  queryFn: ({ signal }) => call(ep.listRecipients, { signal }),
  staleTime: 60_000,
});

export function createLegal({ caseId, body }: { caseId: string; body: LegalCreateInput }) {
  return call(ep.createLegal, { params: { id: caseId }, body });
}

export function transitionLegal({ caseId, legalId, body }: { caseId: string; legalId: string; body: LegalTransition }) {
  return call(ep.transitionLegal, { params: { id: caseId, legalId }, body });
}

/** GET …/letter: the letter as a PDF download (「案」 until approved); printing it is audited. */
export const letterUrl = (caseId: string, legalId: string) => endpointUrl(ep.letterPdf, { id: caseId, legalId });

/** GET /api/legal/letter-prefix: the caller's unit's 文書記号 (its name until one is set). */
export const letterPrefixQueryOptions = queryOptions({
  queryKey: legalKeys.prefix,
  queryFn: ({ signal }) => call(ep.getLetterPrefix, { signal }),
});

export function putLetterPrefix(prefix: string) {
  return call(ep.putLetterPrefix, { body: { prefix } });
}

/** GET /api/cases/:id/warrants: the case's warrants with the steps the caller may record. */
export const warrantsQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: legalKeys.warrants(caseId),
    queryFn: ({ signal }) => call(ep.listWarrants, { params: { id: caseId }, signal }),
  });

export function createWarrant({ caseId, body }: { caseId: string; body: WarrantCreate }) {
  return call(ep.createWarrant, { params: { id: caseId }, body });
}

export function transitionWarrant({ caseId, warrantId, body }: { caseId: string; warrantId: string; body: WarrantTransition }) {
  return call(ep.transitionWarrant, { params: { id: caseId, warrantId }, body });
}

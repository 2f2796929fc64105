import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseCreate, CaseListQuery, CaseTransition, CaseUpdate, caseCreateSchema } from '../../../contracts/cases.contracts.js';
import { casesEndpoints as ep } from '../../../contracts/cases.endpoints.js';
import { intakeEndpoints } from '../../../contracts/intake.endpoints.js';
import { call } from '../../api/client.js';

export type CaseListPageQuery = Pick<CaseListQuery, 'status' | 'page' | 'pageSize'>;
export type CaseCreateInput = z.input<typeof caseCreateSchema>;
export type { CaseCreate, CaseTransition };

export const caseKeys = {
  all: ['cases'] as const,
  list: (query: CaseListPageQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  byConsultation: (id: string) => ['cases', 'by-consultation', id] as const,
};

/** GET /api/cases (cases.read): the cases the caller may read, newest first, one page. */
export const caseListQueryOptions = (query: CaseListPageQuery) =>
  queryOptions({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => call(ep.listCases, { query, signal }),
  });

/** GET /api/cases/:id: the case with its version and the statuses the caller may move it to. */
export const caseDetailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => call(ep.getCase, { params: { id }, signal }),
  });

/** GET /api/cases/by-consultation/:id (intake.read): number and status of the cases a consultation became. */
export const consultationCasesQueryOptions = (consultationId: string) =>
  queryOptions({
    queryKey: caseKeys.byConsultation(consultationId),
    queryFn: ({ signal }) => call(ep.consultationCases, { params: { id: consultationId }, signal }),
  });

/**
 * GET /api/intake/modus: 手口 names for a case's classification. Cases reuse intake's codes, so the
 * list is asked from its contract under intake's own query key (one cache entry for both features).
 */
export const modusNamesQueryOptions = queryOptions({
  queryKey: ['intake', 'modus'] as const,
  queryFn: ({ signal }) => call(intakeEndpoints.listModus, { signal }),
  staleTime: 5 * 60_000,
});

export function createCase(body: CaseCreateInput) {
  return call(ep.createCase, { body });
}

export function updateCase({ id, body }: { id: string; body: CaseUpdate }) {
  return call(ep.updateCase, { params: { id }, body });
}

export function transitionCase({ id, body }: { id: string; body: CaseTransition }) {
  return call(ep.transitionCase, { params: { id }, body });
}

import { queryOptions } from '@tanstack/react-query';
import type { AccessDecision } from '../../../../contracts/intake.access.contracts.js';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import { call } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

/** 閲覧依頼 addressed to the caller's unit (intake.escalations.handle). */
export const accessRequestKeys = {
  all: [...intakeKeys.all, 'accessRequests'] as const,
  list: (state: 'pending' | 'decided') => [...intakeKeys.all, 'accessRequests', 'list', state] as const,
  detail: (id: string) => [...intakeKeys.all, 'accessRequests', 'detail', id] as const,
};

export const accessRequestsQueryOptions = (state: 'pending' | 'decided') =>
  queryOptions({
    queryKey: accessRequestKeys.list(state),
    queryFn: ({ signal }) => call(ep.listAccessRequests, { query: { state }, signal }),
    select: (data) => data.items,
    refetchInterval: state === 'pending' ? 60_000 : false,
  });

export const accessRequestQueryOptions = (id: string) =>
  queryOptions({
    queryKey: accessRequestKeys.detail(id),
    queryFn: ({ signal }) => call(ep.getAccessRequest, { params: { id }, signal }),
  });

export function decideAccessRequest({ id, decision }: { id: string; decision: AccessDecision }) {
  return call(ep.decideAccessRequest, { params: { id }, body: decision });
}

import { queryOptions } from '@tanstack/react-query';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import { call } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

/**
 * GET /api/intake/escalations?open=true (intake.escalations.handle): reports not yet answered with
 * guidance. The tab badge and the page count both count this list, so they always agree.
 */
export const openEscalationsQueryOptions = queryOptions({
  queryKey: [...intakeKeys.escalations, 'open'] as const,
  queryFn: ({ signal }) => call(ep.listEscalations, { query: { open: 'true' }, signal }),
  select: (data) => data.items,
  refetchInterval: 60_000,
});

/** GET /api/intake/escalations?state=guided: 処理済, newest guidance first. */
export const handledEscalationsQueryOptions = queryOptions({
  queryKey: [...intakeKeys.escalations, 'guided'] as const,
  queryFn: ({ signal }) => call(ep.listEscalations, { query: { state: 'guided' }, signal }),
  select: (data) => [...data.items].sort((a, b) => (b.guidanceAt ?? '').localeCompare(a.guidanceAt ?? '')),
});

export function acknowledgeEscalation(id: string) {
  return call(ep.acknowledge, { params: { id } });
}

export function sendGuidance({ id, guidance }: { id: string; guidance: string }) {
  return call(ep.guidance, { params: { id }, body: { guidance } });
}

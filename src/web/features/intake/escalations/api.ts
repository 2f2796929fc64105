import { queryOptions } from '@tanstack/react-query';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import { call } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

/** GET /api/intake/escalations?open=true (intake.escalations.handle): reports not yet answered with guidance. */
export const openEscalationsQueryOptions = queryOptions({
  queryKey: [...intakeKeys.escalations, 'open'] as const,
  queryFn: ({ signal }) => call(ep.listEscalations, { query: { open: 'true' }, signal }),
  select: (data) => data.items,
  refetchInterval: 60_000,
});

export function acknowledgeEscalation(id: string) {
  return call(ep.acknowledge, { params: { id } });
}

export function sendGuidance({ id, guidance }: { id: string; guidance: string }) {
  return call(ep.guidance, { params: { id }, body: { guidance } });
}

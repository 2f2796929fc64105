import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { escalationViewSchema } from '../../../../contracts/intake.contracts.js';
import { apiRequest } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

/** GET /api/intake/escalations?open=true (intake.escalations.handle): reports not yet answered with guidance. */
export const openEscalationsQueryOptions = queryOptions({
  queryKey: [...intakeKeys.escalations, 'open'] as const,
  queryFn: ({ signal }) =>
    apiRequest('/api/intake/escalations', { query: { open: 'true' }, schema: z.object({ items: z.array(escalationViewSchema) }), signal }),
  select: (data) => data.items,
  refetchInterval: 60_000,
});

const escalationPath = (id: string, action: string) => `/api/intake/escalations/${encodeURIComponent(id)}/${action}`;

export function acknowledgeEscalation(id: string) {
  return apiRequest(escalationPath(id, 'acknowledge'), { method: 'POST', schema: escalationViewSchema });
}

export function sendGuidance({ id, guidance }: { id: string; guidance: string }) {
  return apiRequest(escalationPath(id, 'guidance'), { method: 'POST', body: { guidance }, schema: escalationViewSchema });
}

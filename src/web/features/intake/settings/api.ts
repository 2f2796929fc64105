import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { type modusInputSchema, modusSchema, type ruleUpdateSchema, ruleViewSchema } from '../../../../contracts/intake.contracts.js';
import { apiRequest } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

export type ModusInput = z.input<typeof modusInputSchema>;
export type ModusUpdate = Partial<Omit<ModusInput, 'code'>>;
export type RuleUpdate = z.input<typeof ruleUpdateSchema>;

const modusList = z.object({ items: z.array(modusSchema) });
const ruleList = z.object({ items: z.array(ruleViewSchema) });

/** GET /api/intake/modus (intake.read): the controlled 手口 list, retired ones included, in display order. */
export const modusQueryOptions = queryOptions({
  queryKey: intakeKeys.modus,
  queryFn: ({ signal }) => apiRequest('/api/intake/modus', { schema: modusList, signal }),
  select: (data) => [...data.items].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)),
  staleTime: 5 * 60_000,
});

export function createModus(body: ModusInput) {
  return apiRequest('/api/intake/modus', { method: 'POST', body, schema: modusList });
}

export function updateModus({ code, body }: { code: string; body: ModusUpdate }) {
  return apiRequest(`/api/intake/modus/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: modusList });
}

/** GET /api/intake/rules (intake.read): when a record is reported to サイバー課 by itself. */
export const rulesQueryOptions = queryOptions({
  queryKey: intakeKeys.rules,
  queryFn: ({ signal }) => apiRequest('/api/intake/rules', { schema: ruleList, signal }),
  select: (data) => data.items,
  staleTime: 5 * 60_000,
});

export function updateRule({ code, body }: { code: string; body: RuleUpdate }) {
  return apiRequest(`/api/intake/rules/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: ruleList });
}

import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { modusInputSchema, ruleUpdateSchema } from '../../../../contracts/intake.contracts.js';
import { intakeEndpoints as ep } from '../../../../contracts/intake.endpoints.js';
import { call } from '../../../api/client.js';
import { intakeKeys } from '../api.js';

export type ModusInput = z.input<typeof modusInputSchema>;
export type ModusUpdate = Partial<Omit<ModusInput, 'code'>>;
export type RuleUpdate = z.input<typeof ruleUpdateSchema>;

/** GET /api/intake/modus (intake.read): the controlled 手口 list, retired ones included, in display order. */
export const modusQueryOptions = queryOptions({
  queryKey: intakeKeys.modus,
  queryFn: ({ signal }) => call(ep.listModus, { signal }),
  select: (data) => [...data.items].sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code)),
  staleTime: 5 * 60_000,
});

export function createModus(body: ModusInput) {
  return call(ep.createModus, { body });
}

export function updateModus({ code, body }: { code: string; body: ModusUpdate }) {
  return call(ep.updateModus, { params: { code }, body });
}

/** GET /api/intake/rules (intake.read): when a record is reported to サイバー課 by itself. */
export const rulesQueryOptions = queryOptions({
  queryKey: intakeKeys.rules,
  queryFn: ({ signal }) => call(ep.listRules, { signal }),
  select: (data) => data.items,
  staleTime: 5 * 60_000,
});

export function updateRule({ code, body }: { code: string; body: RuleUpdate }) {
  return call(ep.updateRule, { params: { code }, body });
}

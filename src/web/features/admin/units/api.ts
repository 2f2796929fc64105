import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Unit, unitCreateSchema, unitUpdateSchema } from '../../../../contracts/org.contracts.js';
import { orgEndpoints as ep } from '../../../../contracts/org.endpoints.js';
import { call } from '../../../api/client.js';

export type UnitCreate = z.input<typeof unitCreateSchema>;
export type UnitUpdate = z.input<typeof unitUpdateSchema>;

/** GET /api/org/units (org.units.read): every unit, flat; the tree comes from parentId. */
export const unitsQueryOptions = queryOptions({
  queryKey: ['org', 'units'] as const,
  queryFn: ({ signal }) => call(ep.units, { signal }),
  select: (data) => data.items,
});

export function createUnit(body: UnitCreate): Promise<Unit> {
  return call(ep.createUnit, { body });
}

export function updateUnit({ id, body }: { id: string; body: UnitUpdate }): Promise<Unit> {
  return call(ep.updateUnit, { params: { id }, body });
}

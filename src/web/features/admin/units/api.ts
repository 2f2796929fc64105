import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { type Unit, type unitCreateSchema, unitSchema, type unitUpdateSchema } from '../../../../contracts/org.contracts.js';
import { apiRequest } from '../../../api/client.js';

export type UnitCreate = z.input<typeof unitCreateSchema>;
export type UnitUpdate = z.input<typeof unitUpdateSchema>;

/** GET /api/org/units (org.units.read): every unit, flat; the tree comes from parentId. */
export const unitsQueryOptions = queryOptions({
  queryKey: ['org', 'units'] as const,
  queryFn: ({ signal }) => apiRequest('/api/org/units', { schema: z.object({ items: z.array(unitSchema) }), signal }),
  select: (data) => data.items,
});

export function createUnit(body: UnitCreate): Promise<Unit> {
  return apiRequest('/api/admin/units', { method: 'POST', body, schema: unitSchema });
}

export function updateUnit({ id, body }: { id: string; body: UnitUpdate }): Promise<Unit> {
  return apiRequest(`/api/admin/units/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: unitSchema });
}

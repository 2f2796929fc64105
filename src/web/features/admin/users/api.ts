import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { apiTokenCreatedSchema } from '../../../../contracts/auth.contracts.js';
import { authEndpoints } from '../../../../contracts/auth.endpoints.js';
import type { temporaryPasswordSchema, User, userCreateSchema, userUpdateSchema } from '../../../../contracts/org.contracts.js';
import { orgEndpoints as ep } from '../../../../contracts/org.endpoints.js';
import type { Role } from '../../../../contracts/roles.contracts.js';
import { call } from '../../../api/client.js';
import type { ApiTokenCreate } from '../../account/index.js';

export type UserCreate = z.input<typeof userCreateSchema>;
export type UserUpdate = z.input<typeof userUpdateSchema>;
export type TemporaryPassword = z.output<typeof temporaryPasswordSchema>;

export interface UserFilters {
  unitId?: string | undefined;
  role?: Role | undefined;
  q?: string | undefined;
}

/** The most the server lists at once (userListQuerySchema); pickers ask for all of it. */
export const USER_LIST_MAX = 500;

export const usersKey = ['admin', 'users'] as const;

/** GET /api/admin/users (org.users.read). */
export const usersQueryOptions = (filters: UserFilters, limit?: number) =>
  queryOptions({
    queryKey: [...usersKey, { ...filters, limit }] as const,
    queryFn: ({ signal }) =>
      call(ep.users, { query: { unitId: filters.unitId, role: filters.role, q: filters.q || undefined, limit }, signal }),
    select: (data) => data.items,
  });

export function createUser(body: UserCreate): Promise<TemporaryPassword> {
  return call(ep.createUser, { body });
}

export function updateUser({ id, body }: { id: string; body: UserUpdate }): Promise<User> {
  return call(ep.updateUser, { params: { id }, body });
}

export function resetPassword(id: string): Promise<TemporaryPassword> {
  return call(ep.resetPassword, { params: { id } });
}

export function unlockUser(id: string): Promise<User> {
  return call(ep.unlockUser, { params: { id } });
}

export function resetMfa(id: string): Promise<User> {
  return call(ep.resetMfa, { params: { id } });
}

/** POST /api/admin/users/:id/tokens: a token for a partner (machine) account. */
export function issueUserToken({ id, body }: { id: string; body: ApiTokenCreate }): Promise<z.output<typeof apiTokenCreatedSchema>> {
  return call(authEndpoints.issueUserToken, { params: { id }, body });
}

import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiTokenCreatedSchema } from '../../../../contracts/auth.contracts.js';
import {
  temporaryPasswordSchema,
  type User,
  type userCreateSchema,
  userSchema,
  type userUpdateSchema,
} from '../../../../contracts/org.contracts.js';
import type { Role } from '../../../../contracts/roles.contracts.js';
import { apiRequest } from '../../../api/client.js';
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
      apiRequest('/api/admin/users', {
        query: { unitId: filters.unitId, role: filters.role, q: filters.q || undefined, limit },
        schema: z.object({ items: z.array(userSchema) }),
        signal,
      }),
    select: (data) => data.items,
  });

const path = (id: string, action?: string) => `/api/admin/users/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function createUser(body: UserCreate): Promise<TemporaryPassword> {
  return apiRequest('/api/admin/users', { method: 'POST', body, schema: temporaryPasswordSchema });
}

export function updateUser({ id, body }: { id: string; body: UserUpdate }): Promise<User> {
  return apiRequest(path(id), { method: 'PATCH', body, schema: userSchema });
}

export function resetPassword(id: string): Promise<TemporaryPassword> {
  return apiRequest(path(id, 'reset-password'), { method: 'POST', schema: temporaryPasswordSchema });
}

export function unlockUser(id: string): Promise<User> {
  return apiRequest(path(id, 'unlock'), { method: 'POST', schema: userSchema });
}

export function resetMfa(id: string): Promise<User> {
  return apiRequest(path(id, 'mfa-reset'), { method: 'POST', schema: userSchema });
}

/** POST /api/admin/users/:id/tokens: a token for a partner (machine) account. */
export function issueUserToken({ id, body }: { id: string; body: ApiTokenCreate }): Promise<z.output<typeof apiTokenCreatedSchema>> {
  return apiRequest(path(id, 'tokens'), { method: 'POST', body, schema: apiTokenCreatedSchema });
}

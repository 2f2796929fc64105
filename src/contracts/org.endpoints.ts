import { z } from 'zod';
import { defineEndpoint, errorResponses as errors } from './endpoint.js';
import {
  temporaryPasswordSchema,
  unitCreateSchema,
  unitSchema,
  unitUpdateSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from './org.contracts.js';

/**
 * Units (所属) and users: read by many, managed by the system administrator. Changing accounts
 * (creating users, roles, passwords, unlocking, second factors) is `sessionOnly`: a person at a
 * logged-in, second-factor session does it, never a script holding an API token.
 */
const tags = ['org'];
const idParam = z.strictObject({ id: z.string().min(1).max(100) });

export const orgEndpoints = {
  units: defineEndpoint({
    method: 'GET',
    path: '/api/org/units',
    access: 'org.units.read',
    summary: '所属一覧 / Units',
    tags,
    response: { 200: z.object({ items: z.array(unitSchema) }) },
  }),
  createUnit: defineEndpoint({
    method: 'POST',
    path: '/api/admin/units',
    access: 'org.units.manage',
    summary: '所属の作成 / Create a unit',
    tags,
    body: unitCreateSchema,
    response: { 200: unitSchema, ...errors },
  }),
  updateUnit: defineEndpoint({
    method: 'PATCH',
    path: '/api/admin/units/:id',
    access: 'org.units.manage',
    summary: '所属の変更 / Update a unit',
    tags,
    params: idParam,
    body: unitUpdateSchema,
    response: { 200: unitSchema, ...errors },
  }),
  users: defineEndpoint({
    method: 'GET',
    path: '/api/admin/users',
    access: 'org.users.read',
    summary: '職員一覧 / Users',
    tags,
    query: userListQuerySchema,
    response: { 200: z.object({ items: z.array(userSchema) }) },
  }),
  createUser: defineEndpoint({
    method: 'POST',
    path: '/api/admin/users',
    access: 'org.users.manage',
    sessionOnly: true,
    summary: '職員の作成 / Create a user',
    tags,
    body: userCreateSchema,
    response: { 200: temporaryPasswordSchema, ...errors },
  }),
  updateUser: defineEndpoint({
    method: 'PATCH',
    path: '/api/admin/users/:id',
    access: 'org.users.manage',
    sessionOnly: true,
    summary: '職員の変更 / Update a user',
    tags,
    params: idParam,
    body: userUpdateSchema,
    response: { 200: userSchema, ...errors },
  }),
  resetPassword: defineEndpoint({
    method: 'POST',
    path: '/api/admin/users/:id/reset-password',
    access: 'org.users.manage',
    sessionOnly: true,
    summary: 'パスワード再発行 / Reset password',
    tags,
    params: idParam,
    response: { 200: temporaryPasswordSchema, ...errors },
  }),
  unlockUser: defineEndpoint({
    method: 'POST',
    path: '/api/admin/users/:id/unlock',
    access: 'org.users.manage',
    sessionOnly: true,
    summary: 'ロック解除 / Unlock',
    tags,
    params: idParam,
    response: { 200: userSchema, ...errors },
  }),
  resetMfa: defineEndpoint({
    method: 'POST',
    path: '/api/admin/users/:id/mfa-reset',
    access: 'org.users.manage',
    sessionOnly: true,
    summary: '二要素認証の初期化 / Reset MFA',
    tags,
    params: idParam,
    response: { 200: userSchema, ...errors },
  }),
};

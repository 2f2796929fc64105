import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema } from '../../../contracts/errors.contracts.js';
import {
  temporaryPasswordSchema,
  unitCreateSchema,
  unitSchema,
  unitUpdateSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from '../../../contracts/org.contracts.js';
import type { Db } from '../../core/db/db.open.js';
import type { Principal } from '../../core/http/http.principal.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
import { type Ctx, createUnit, createUser, resetMfa, resetPassword, unlockUser, updateUnit, updateUser } from './org.admin.usecases.js';
import { listUnits, listUsers } from './org.repository.js';
import type { HashPassword } from './org.usecases.js';

function ctx(p: Principal | null, req: FastifyRequest): Ctx {
  if (!p) throw new Error('admin route reached without a principal');
  return { actor: { userId: p.userId, unitId: p.unitId, role: p.role }, requestId: req.id, clientIp: req.ip };
}

const idParam = z.strictObject({ id: z.string().min(1).max(100) });
const errors = { 400: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };

export function orgRoutes(deps: { db: Db; hashPassword: HashPassword }): RouteModule {
  const { db } = deps;
  const tags = ['org'];
  return (app) => {
    addRoute(app, {
      method: 'GET',
      url: '/api/org/units',
      access: 'org.units.read',
      summary: '所属一覧 / Units',
      tags,
      response: { 200: z.object({ items: z.array(unitSchema) }) },
      handler: async () => ({ items: await listUnits(db.kysely) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/units',
      access: 'org.units.manage',
      summary: '所属の作成 / Create a unit',
      tags,
      body: unitCreateSchema,
      response: { 200: unitSchema, ...errors },
      handler: async ({ body, principal }, req) => createUnit(db, ctx(principal, req), body),
    });
    addRoute(app, {
      method: 'PATCH',
      url: '/api/admin/units/:id',
      access: 'org.units.manage',
      summary: '所属の変更 / Update a unit',
      tags,
      params: idParam,
      body: unitUpdateSchema,
      response: { 200: unitSchema, ...errors },
      handler: async ({ params, body, principal }, req) => updateUnit(db, ctx(principal, req), params.id, body),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/admin/users',
      access: 'org.users.read',
      summary: '職員一覧 / Users',
      tags,
      querystring: userListQuerySchema,
      response: { 200: z.object({ items: z.array(userSchema) }) },
      handler: async ({ query }) => ({ items: await listUsers(db.kysely, query) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/users',
      access: 'org.users.manage',
      summary: '職員の作成 / Create a user',
      tags,
      body: userCreateSchema,
      response: { 200: temporaryPasswordSchema, ...errors },
      handler: async ({ body, principal }, req) => createUser(db, deps.hashPassword, ctx(principal, req), body),
    });
    addRoute(app, {
      method: 'PATCH',
      url: '/api/admin/users/:id',
      access: 'org.users.manage',
      summary: '職員の変更 / Update a user',
      tags,
      params: idParam,
      body: userUpdateSchema,
      response: { 200: userSchema, ...errors },
      handler: async ({ params, body, principal }, req) => updateUser(db, ctx(principal, req), params.id, body),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/users/:id/reset-password',
      access: 'org.users.manage',
      summary: 'パスワード再発行 / Reset password',
      tags,
      params: idParam,
      response: { 200: temporaryPasswordSchema, ...errors },
      handler: async ({ params, principal }, req) => resetPassword(db, deps.hashPassword, ctx(principal, req), params.id),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/users/:id/unlock',
      access: 'org.users.manage',
      summary: 'ロック解除 / Unlock',
      tags,
      params: idParam,
      response: { 200: userSchema, ...errors },
      handler: async ({ params, principal }, req) => unlockUser(db, ctx(principal, req), params.id),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/users/:id/mfa-reset',
      access: 'org.users.manage',
      summary: '二要素認証の初期化 / Reset MFA',
      tags,
      params: idParam,
      response: { 200: userSchema, ...errors },
      handler: async ({ params, principal }, req) => resetMfa(db, ctx(principal, req), params.id),
    });
  };
}

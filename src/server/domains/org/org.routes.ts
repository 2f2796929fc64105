import type { FastifyRequest } from 'fastify';
import { orgEndpoints as ep } from '../../../contracts/org.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import type { Db } from '../../core/db/db.open.js';
import type { Principal } from '../../core/http/http.principal.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { type Ctx, createUnit, createUser, resetMfa, resetPassword, unlockUser, updateUnit, updateUser } from './org.admin.usecases.js';
import { listUnits, listUsers } from './org.repository.js';
import type { HashPassword } from './org.usecases.js';

/** The request's context (principal included), so events made with an API token name the token. */
function ctx(p: Principal, req: FastifyRequest): Ctx {
  return requestCtx(p, req);
}

export function orgRoutes(deps: { db: Db; hashPassword: HashPassword }): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.units, async () => ({ items: await listUnits(db.kysely) }));
    route(app, ep.createUnit, ({ body, principal }, req) => createUnit(db, ctx(principal, req), body));
    route(app, ep.updateUnit, ({ params, body, principal }, req) => updateUnit(db, ctx(principal, req), params.id, body));
    route(app, ep.users, async ({ query }) => ({ items: await listUsers(db.kysely, query) }));
    route(app, ep.createUser, ({ body, principal }, req) => createUser(db, deps.hashPassword, ctx(principal, req), body));
    route(app, ep.updateUser, ({ params, body, principal }, req) => updateUser(db, ctx(principal, req), params.id, body));
    route(app, ep.resetPassword, ({ params, principal }, req) => resetPassword(db, deps.hashPassword, ctx(principal, req), params.id));
    route(app, ep.unlockUser, ({ params, principal }, req) => unlockUser(db, ctx(principal, req), params.id));
    route(app, ep.resetMfa, ({ params, principal }, req) => resetMfa(db, ctx(principal, req), params.id));
  };
}

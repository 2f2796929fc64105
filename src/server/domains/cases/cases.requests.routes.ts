import { requestsEndpoints as ep } from '../../../contracts/requests.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import {
  createRequest,
  listRequests,
  putRequestSla,
  replyToRequest,
  requestDetail,
  requestSla,
  requestTargets,
  transitionRequest,
} from './cases.requests.js';
import type { CasesDeps } from './cases.usecases.js';

/** Support requests: inbox and outbox, send or record, the timeline, status changes, deadlines. */
export function requestRoutes(deps: CasesDeps): RouteModule {
  const db = deps.db;
  return (app) => {
    route(app, ep.listRequests, ({ query, principal }) => listRequests(db.kysely, principal, query));
    route(app, ep.createRequest, async ({ body, principal }, req, reply) => {
      reply.code(201);
      return createRequest(db, requestCtx(principal, req), body);
    });
    route(app, ep.requestTargets, ({ principal }) => requestTargets(db.kysely, principal));
    route(app, ep.getRequest, ({ params, principal }) => requestDetail(db.kysely, principal, params.id));
    route(app, ep.transitionRequest, ({ params, body, principal }, req) =>
      transitionRequest(db, requestCtx(principal, req), params.id, body),
    );
    route(app, ep.replyToRequest, async ({ params, body, principal }, req, reply) => {
      reply.code(201);
      return replyToRequest(db, requestCtx(principal, req), params.id, body.text);
    });
    route(app, ep.requestSla, () => requestSla(db.kysely));
    route(app, ep.putRequestSla, ({ params, body, principal }, req) => putRequestSla(db, requestCtx(principal, req), params.kind, body));
  };
}

import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { decideAccessRequest, getAccessRequest, listAccessRequests, requestAccess, shareWithUnit } from './intake.access.js';
import type { IntakeDeps } from './intake.usecases.js';

/**
 * Need-to-know across units: ask サイバー課 for hidden related records (a 閲覧依頼 サイバー課
 * approves by sharing, or declines with a reason), or share one's own record.
 */
export function accessRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.requestAccess, ({ body, principal }, req) => requestAccess(db, requestCtx(principal, req), body));
    route(app, ep.listAccessRequests, async ({ query, principal }, req) => ({
      items: await listAccessRequests(db, requestCtx(principal, req), query.state),
    }));
    route(app, ep.getAccessRequest, ({ params, principal }, req) => getAccessRequest(db, requestCtx(principal, req), params.id));
    route(app, ep.decideAccessRequest, ({ params, body, principal }, req) =>
      decideAccessRequest(db, requestCtx(principal, req), params.id, body),
    );
    route(app, ep.share, async ({ params, body, principal }, req) => {
      await shareWithUnit(db, requestCtx(principal, req), params.id, body);
      return { id: params.id, unitId: body.unitId };
    });
  };
}

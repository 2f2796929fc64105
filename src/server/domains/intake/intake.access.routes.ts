import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { requestAccess, shareWithUnit } from './intake.access.js';
import type { IntakeDeps } from './intake.usecases.js';

/** Need-to-know across units: ask サイバー課 for hidden related records, or share one's own record. */
export function accessRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.requestAccess, ({ body, principal }, req) => requestAccess(db, requestCtx(principal, req), body));
    route(app, ep.share, async ({ params, body, principal }, req) => {
      await shareWithUnit(db, requestCtx(principal, req), params.id, body);
      return { id: params.id, unitId: body.unitId };
    });
  };
}

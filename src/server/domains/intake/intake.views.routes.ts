import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { deleteView, listSavedViews, saveView } from './intake.admin.js';
import type { IntakeDeps } from './intake.usecases.js';

/** Saved list filters, each person's own. */
export function viewRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.listViews, async ({ principal }) => ({ items: await listSavedViews(db, principal.userId) }));
    route(app, ep.saveView, async ({ body, principal }, req) => ({
      items: await saveView(db, requestCtx(principal, req), body.name, body.query),
    }));
    route(app, ep.deleteView, async ({ params, principal }, req) => ({
      items: await deleteView(db, requestCtx(principal, req), params.id),
    }));
  };
}

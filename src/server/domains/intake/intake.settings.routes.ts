import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { createModus, updateModus, updateRule } from './intake.admin.js';
import { listModus, ruleViews } from './intake.repository.js';
import type { IntakeDeps } from './intake.usecases.js';

/** The controlled 手口 list and the escalation rules; each change answers with the whole (short) list. */
export function settingsRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.listModus, async () => ({ items: await listModus(db.kysely) }));
    route(app, ep.createModus, async ({ body, principal }, req) => ({ items: await createModus(db, requestCtx(principal, req), body) }));
    route(app, ep.updateModus, async ({ params, body, principal }, req) => ({
      items: await updateModus(db, requestCtx(principal, req), params.code, body),
    }));
    route(app, ep.listRules, async () => ({ items: await ruleViews(db.kysely) }));
    route(app, ep.updateRule, async ({ params, body, principal }, req) => ({
      items: await updateRule(db, requestCtx(principal, req), params.code, body),
    }));
  };
}

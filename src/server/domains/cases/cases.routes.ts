import type { RouteModule } from '../../core/http/http.route.js';
import { caseRoutes } from './cases.cases.routes.js';
import { legalRoutes } from './cases.legal.routes.js';
import { linkRoutes } from './cases.links.routes.js';
import { requestRoutes } from './cases.requests.routes.js';
import { taskRoutes } from './cases.tasks.routes.js';
import type { CasesDeps } from './cases.usecases.js';

/** Every cases route, one file per resource; the endpoints themselves are in contracts/cases.endpoints.ts. */
export function casesRoutes(deps: CasesDeps): RouteModule {
  const parts = [caseRoutes, linkRoutes, taskRoutes, requestRoutes, legalRoutes].map((r) => r(deps));
  return (app) => {
    for (const register of parts) register(app);
  };
}

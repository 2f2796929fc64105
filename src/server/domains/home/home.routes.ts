import { homeEndpoints as ep } from '../../../contracts/home.endpoints.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { type WorklistProvider, worklistCounts } from '../../core/module/module.worklist.js';

/** GET /api/home: every domain's work items for the caller, and the navigation counts. */
export function homeRoutes(worklist: WorklistProvider): RouteModule {
  return (app) => {
    route(app, ep.worklist, async ({ principal }) => {
      const sections = await worklist(principal, new Date());
      return { sections, ...worklistCounts(sections) };
    });
  };
}

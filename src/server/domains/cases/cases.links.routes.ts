import { casesEndpoints as ep } from '../../../contracts/cases.endpoints.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { casesOfConsultation } from './cases.read.js';
import type { CasesDeps } from './cases.usecases.js';

/**
 * The consultation's side of a link, served here so that intake never imports cases: the
 * station that took a consultation asks which cases it became.
 */
export function linkRoutes(deps: CasesDeps): RouteModule {
  return (app) => {
    route(app, ep.consultationCases, ({ params, principal }) => casesOfConsultation(deps, principal, params.id));
  };
}

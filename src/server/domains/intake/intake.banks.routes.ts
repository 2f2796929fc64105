import { bankDisplayName, branchDisplayName } from '../../../contracts/indicators.display.js';
import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { searchBanks, searchBranches } from '../indicators/index.js';

/**
 * Bank and branch by the name a passbook shows (「七十七」「本店営業部」), so the officer need not
 * know codes. The data ships with the package (zengin-code); the browser never loads all of it.
 */
export function bankRoutes(): RouteModule {
  return (app) => {
    route(app, ep.banks, async ({ query }) => ({
      items: searchBanks(query.q).map((b) => ({ ...b, name: bankDisplayName(b.code, b.name) })),
    }));
    route(app, ep.branches, async ({ params, query }) => ({
      items: searchBranches(params.bankCode, query.q).map((b) => ({ ...b, name: branchDisplayName(params.bankCode, b.name) })),
    }));
  };
}

import { casesEndpoints as ep } from '../../../contracts/cases.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { caseDetail, caseList } from './cases.read.js';
import { addMember, addNote, memberChoices, removeMember } from './cases.team.js';
import { type CasesDeps, createCase, transitionCase, updateCase } from './cases.usecases.js';

/** The case itself: open, list, read, edit, move along its lifecycle; its team and notes. */
export function caseRoutes(deps: CasesDeps): RouteModule {
  return (app) => {
    route(app, ep.createCase, async ({ body, principal }, req, reply) => {
      reply.code(201);
      return createCase(deps, requestCtx(principal, req), body);
    });
    route(app, ep.listCases, ({ query, principal }) => caseList(deps, principal, query));
    route(app, ep.getCase, ({ params, principal }) => caseDetail(deps, principal, params.id));
    route(app, ep.updateCase, ({ params, body, principal }, req) => updateCase(deps, requestCtx(principal, req), params.id, body));
    route(app, ep.transitionCase, ({ params, body, principal }, req) => transitionCase(deps, requestCtx(principal, req), params.id, body));
    route(app, ep.addCaseNote, async ({ params, body, principal }, req, reply) => {
      await addNote(deps, requestCtx(principal, req), params.id, body.text);
      reply.code(201);
      return { id: params.id };
    });
    route(app, ep.caseMemberChoices, ({ params, query, principal }) => memberChoices(deps.db.kysely, principal, params.id, query.q));
    route(app, ep.addCaseMember, async ({ params, body, principal }, req, reply) => {
      reply.code(201);
      return addMember(deps, requestCtx(principal, req), params.id, body.userId);
    });
    route(app, ep.removeCaseMember, async ({ params, principal }, req) => {
      await removeMember(deps, requestCtx(principal, req), params.id, params.userId);
      return { userId: params.userId };
    });
  };
}

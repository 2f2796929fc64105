import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { getDetail, listConsultations, preview, reveal } from './intake.read.js';
import { stats } from './intake.stats.js';
import { addNote, createConsultation, type IntakeDeps, updateConsultation } from './intake.usecases.js';

/**
 * The consultation itself. Mutations answer with what the caller needs next (id, version,
 * status), not the detail: that read re-runs correlation, and the web refetches it anyway.
 */
export function consultationRoutes(deps: IntakeDeps): RouteModule {
  return (app) => {
    route(app, ep.createConsultation, async ({ body, principal }, req, reply) => {
      const { id, created } = await createConsultation(deps, requestCtx(principal, req), body);
      reply.code(created ? 201 : 200);
      return { id, created };
    });
    route(app, ep.listConsultations, ({ query, principal }) => listConsultations(deps, principal, query));
    route(app, ep.stats, ({ query, principal }) => stats(deps.db, principal, query));
    route(app, ep.getConsultation, ({ params, principal }) => getDetail(deps, principal, params.id));
    route(app, ep.updateConsultation, async ({ params, body, principal }, req) => ({
      id: params.id,
      ...(await updateConsultation(deps, requestCtx(principal, req), params.id, body)),
    }));
    route(app, ep.reveal, ({ params, body, principal }, req) =>
      reveal(deps, requestCtx(principal, req), params.id, body.fields, body.reason),
    );
    route(app, ep.addNote, async ({ params, body, principal }, req) => {
      await addNote(deps, requestCtx(principal, req), params.id, body);
      return { id: params.id };
    });
    route(app, ep.preview, ({ body, principal }) => preview(deps, principal, body));
  };
}

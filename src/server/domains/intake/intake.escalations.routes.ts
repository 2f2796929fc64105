import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { acknowledge, giveGuidance } from './intake.escalation.js';
import { escalationQuery, toEscalationView } from './intake.repository.js';
import { escalateByHand, type IntakeDeps } from './intake.usecases.js';

/** Reports to サイバー課: raised by hand at a station, then acknowledged and answered with guidance. */
export function escalationRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.escalate, async ({ params, body, principal }, req) => {
      const escalationId = await escalateByHand(deps, requestCtx(principal, req), params.id, body.reason, body.urgent);
      return { id: params.id, escalationId };
    });
    route(app, ep.listEscalations, async ({ query, principal }) => {
      let q = escalationQuery(db.kysely);
      if (principal.scope !== 'prefecture') q = q.where('e.to_unit_id', '=', principal.unitId);
      if (query.state) q = q.where('e.state', '=', query.state);
      if (query.open === 'true') q = q.where('e.state', 'in', ['pending', 'overdue', 'acknowledged']);
      const rows = await q.orderBy('e.urgent', 'desc').orderBy('e.due_at').limit(500).execute();
      return { items: rows.map(toEscalationView) };
    });
    route(app, ep.acknowledge, ({ params, principal }, req) => acknowledge(db, requestCtx(principal, req), params.id));
    route(app, ep.guidance, ({ params, body, principal }, req) => giveGuidance(db, requestCtx(principal, req), params.id, body.guidance));
  };
}

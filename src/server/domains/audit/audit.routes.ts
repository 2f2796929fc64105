import { auditEndpoints as ep } from '../../../contracts/audit.endpoints.js';
import { describeChainReport, verifyAuditChain } from '../../core/audit/audit.verify.js';
import type { Db } from '../../core/db/db.open.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { queryAudit } from './audit.repository.js';

export function auditRoutes(deps: { db: Db }): RouteModule {
  return (app) => {
    route(app, ep.events, async ({ query }) => {
      const items = await queryAudit(deps.db.kysely, query);
      const last = items[items.length - 1];
      return { items, nextBefore: items.length === query.limit && last ? last.seq : null };
    });
    route(app, ep.verify, async () => {
      const r = await verifyAuditChain(deps.db);
      return {
        ok: r.ok,
        rows: r.rows,
        brokenAtSeq: r.brokenAtSeq,
        reason: r.reason,
        missing: r.missing,
        anchored: r.anchored,
        checkpointSeq: r.checkpoint?.seq ?? null,
        message: describeChainReport(r),
      };
    });
  };
}

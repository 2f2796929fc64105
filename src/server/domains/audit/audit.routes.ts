import { auditPageSchema, auditQuerySchema, auditVerifySchema } from '../../../contracts/audit.contracts.js';
import { verifyAuditChain } from '../../core/audit/audit.verify.js';
import type { Db } from '../../core/db/db.open.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
import { queryAudit } from './audit.repository.js';

export function auditRoutes(deps: { db: Db }): RouteModule {
  return (app) => {
    addRoute(app, {
      method: 'GET',
      url: '/api/audit/events',
      access: 'audit.read',
      summary: '監査ログの検索 / Search the audit trail',
      tags: ['audit'],
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema },
      async handler({ query }) {
        const items = await queryAudit(deps.db.kysely, query);
        const last = items[items.length - 1];
        return { items, nextBefore: items.length === query.limit && last ? last.seq : null };
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/audit/verify',
      access: 'audit.read',
      summary: '監査ログの改ざん検査 / Verify the hash chain',
      tags: ['audit'],
      response: { 200: auditVerifySchema },
      async handler() {
        const r = await verifyAuditChain(deps.db);
        return r.ok
          ? { ok: true, rows: r.rows, brokenAtSeq: null, reason: null }
          : { ok: false, rows: r.rows, brokenAtSeq: r.brokenAtSeq, reason: r.reason };
      },
    });
  };
}

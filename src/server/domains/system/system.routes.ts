import { z } from 'zod';
import { apiErrorSchema } from '../../../contracts/errors.contracts.js';
import { healthSchema, jobListQuerySchema, jobSchema, readinessSchema } from '../../../contracts/system.contracts.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { migrationState } from '../../core/db/db.migrate.js';
import { type Db, pingDb } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
import { listJobs, retryJob } from '../../core/jobs/jobs.repository.js';
import { systemErrors } from './system.errors.js';

export function systemRoutes(deps: { db: Db; version: string }): RouteModule {
  return (app) => {
    addRoute(app, {
      method: 'GET',
      url: '/healthz',
      access: 'public',
      summary: '死活監視（プロセス） / Liveness',
      tags: ['system'],
      response: { 200: healthSchema },
      handler: async () => ({ status: 'ok' as const }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/readyz',
      access: 'public',
      summary: '準備状態（DB・マイグレーション） / Readiness',
      tags: ['system'],
      response: { 200: readinessSchema, 503: readinessSchema },
      async handler(_i, _req, reply) {
        const reachable = await pingDb(deps.db);
        const state = reachable ? await migrationState(deps.db) : undefined;
        const current = !!state && state.pending.length === 0 && state.unknown.length === 0;
        const body = {
          status: reachable && current ? ('ready' as const) : ('not_ready' as const),
          database: { engine: deps.db.dialect.engine, reachable },
          migrations: { current, applied: state?.applied.length ?? 0, known: state?.known.length ?? 0 },
        };
        return reply.status(body.status === 'ready' ? 200 : 503).send(body);
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/version',
      access: 'public',
      summary: '版 / Version',
      tags: ['system'],
      response: { 200: z.object({ name: z.string(), version: z.string() }) },
      handler: async () => ({ name: 'renkei', version: deps.version }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/admin/jobs',
      access: 'system.jobs.read',
      summary: 'ジョブ一覧 / Background jobs',
      tags: ['admin'],
      querystring: jobListQuerySchema,
      response: { 200: z.object({ items: z.array(jobSchema) }) },
      handler: async ({ query }) => ({ items: await listJobs(deps.db, query) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/jobs/:id/retry',
      access: 'system.jobs.manage',
      summary: '失敗したジョブの再実行 / Retry a failed job',
      tags: ['admin'],
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: z.object({ ok: z.literal(true) }), 409: apiErrorSchema },
      async handler({ params, principal }, req) {
        await withTx(deps.db, async (tx) => {
          const ok = await retryJob(tx, params.id);
          if (!ok) throw systemErrors.create('system.job_not_failed');
          await audit(tx, requestCtx(principal, req), { action: 'system.job.retry', target: params.id });
        });
        return { ok: true as const };
      },
    });
  };
}

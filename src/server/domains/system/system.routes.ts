import { systemEndpoints as ep } from '../../../contracts/system.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { migrationState } from '../../core/db/db.migrate.js';
import { type Db, pingDb } from '../../core/db/db.open.js';
import { withTx } from '../../core/db/db.tx.js';
import type { Migration } from '../../core/db/migrations/migration.types.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { listJobs, retryJob } from '../../core/jobs/jobs.repository.js';
import { systemErrors } from './system.errors.js';

export function systemRoutes(deps: { db: Db; version: string; migrations: readonly Migration[] }): RouteModule {
  return (app) => {
    route(app, ep.health, async () => ({ status: 'ok' as const }));
    route(app, ep.ready, async (_i, _req, reply) => {
      const reachable = await pingDb(deps.db);
      const state = reachable ? await migrationState(deps.db, deps.migrations) : undefined;
      const current = !!state && state.pending.length === 0 && state.unknown.length === 0;
      const body = {
        status: reachable && current ? ('ready' as const) : ('not_ready' as const),
        database: { engine: deps.db.dialect.engine, reachable },
        migrations: { current, applied: state?.applied.length ?? 0, known: state?.known.length ?? 0 },
      };
      return reply.status(body.status === 'ready' ? 200 : 503).send(body);
    });
    route(app, ep.version, async () => ({ name: 'renkei', version: deps.version }));
    route(app, ep.jobs, async ({ query }) => ({ items: await listJobs(deps.db, query) }));
    route(app, ep.retryJob, async ({ params, principal }, req) => {
      await withTx(deps.db, async (tx) => {
        const ok = await retryJob(tx, params.id);
        if (!ok) throw systemErrors.create('system.job_not_failed');
        await audit(tx, requestCtx(principal, req), { action: 'system.job.retry', target: params.id });
      });
      return { ok: true as const };
    });
  };
}

import type { IndicatorType } from '../../../contracts/indicators.contracts.js';
import { indicatorEndpoints as ep } from '../../../contracts/indicators.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { canonicalForm } from './extract/extract.canonical.js';
import { indicatorErrors } from './indicators.errors.js';
import { createLocalList, deleteLocalList, getLocalList, updateLocalList, warningListCatalogue } from './indicators.locallists.js';
import { clusterOfRecord, lookupIndicators } from './indicators.queries.js';
import { extractAnnotated, type IndicatorDeps, labelKey, type RecordLabel, readIndicator } from './indicators.usecases.js';

/** Extractions one person may run at the same time on this server. */
const EXTRACTIONS_PER_USER = 2;

export function indicatorRoutes(deps: IndicatorDeps): RouteModule {
  const db = deps.db.kysely;
  const extracting = new Map<string, number>();
  const lookup = async (items: { type: IndicatorType; value: string }[]) => {
    const canon = items.map((i) => {
      const c = canonicalForm(i.type, i.value);
      return { type: i.type, query: i.value, value: c.value, valid: c.valid };
    });
    const found = await lookupIndicators(deps.db, canon);
    const byKey = new Map(found.map((f) => [`${f.type}\u0000${f.value}`, f]));
    return canon.map((c) => ({
      ...c,
      indicator: byKey.get(`${c.type}\u0000${c.value}`) ?? null,
      warnings: deps.warnings.match(c.type, c.value),
    }));
  };
  // Sightings and cluster members are all readable by the caller (filtered in SQL): label them.
  const withLabels = async <T extends { recordType: string; recordId: string }>(items: T[]) => {
    const labels = deps.labelRecords ? await deps.labelRecords(items) : new Map<string, RecordLabel>();
    return items.map((i) => ({ ...i, label: labels.get(labelKey(i.recordType, i.recordId)) ?? null }));
  };
  return (app) => {
    route(
      app,
      ep.extract,
      async ({ body, principal }) => {
        // A person may run a couple of extractions at once; more would only queue behind each other.
        const running = extracting.get(principal.userId) ?? 0;
        if (running >= EXTRACTIONS_PER_USER) throw indicatorErrors.create('indicators.extract_busy', { n: running });
        extracting.set(principal.userId, running + 1);
        try {
          return { hits: await extractAnnotated(deps, body.text) };
        } finally {
          const left = (extracting.get(principal.userId) ?? 1) - 1;
          if (left > 0) extracting.set(principal.userId, left);
          else extracting.delete(principal.userId);
        }
      },
      { rateLimitPerMinute: 120 },
    );
    route(app, ep.lookup, async ({ query }) => ({ items: await lookup([query]) }));
    route(app, ep.lookupBatch, async ({ body }) => ({ items: await lookup(body.items) }));
    route(app, ep.warningLists, async () => ({ lists: await warningListCatalogue(db, deps.warnings) }));
    route(app, ep.getLocalList, ({ params }) => getLocalList(db, params.id));
    route(app, ep.createLocalList, async ({ body, principal }, req, reply) => {
      reply.code(201);
      return createLocalList(deps, requestCtx(principal, req), body);
    });
    route(app, ep.updateLocalList, ({ params, body, principal }, req) =>
      updateLocalList(deps, requestCtx(principal, req), params.id, body),
    );
    route(app, ep.deleteLocalList, async ({ params, principal }, req) => {
      await deleteLocalList(deps, requestCtx(principal, req), params.id);
      return { lists: await warningListCatalogue(db, deps.warnings) };
    });
    route(app, ep.indicator, async ({ params, principal }, req) => {
      const r = await readIndicator(deps, requestCtx(principal, req), params.id);
      return { ...r, sightings: await withLabels(r.sightings) };
    });
    route(app, ep.cluster, async ({ params, principal }) => {
      const c = await clusterOfRecord(db, principal, params.recordType, params.recordId);
      return { ...c, records: await withLabels(c.records) };
    });
  };
}

import { z } from 'zod';
import { apiErrorSchema } from '../../../contracts/errors.contracts.js';
import {
  clusterSchema,
  extractRequestSchema,
  extractResponseSchema,
  indicatorDetailSchema,
  indicatorTypeSchema,
  localWarningListDetailSchema,
  localWarningListInputSchema,
  localWarningListUpdateSchema,
  lookupBatchSchema,
  lookupResultSchema,
  warningListCatalogueSchema,
} from '../../../contracts/indicators.contracts.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import type { Principal } from '../../core/http/http.principal.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
import { indicatorErrors } from './indicators.errors.js';
import { createLocalList, deleteLocalList, getLocalList, updateLocalList, warningListCatalogue } from './indicators.locallists.js';
import { clusterOfRecord, findIndicator, lookupIndicators, visibleSightings } from './indicators.queries.js';
import { canonicalForm, extractAnnotated, type IndicatorDeps, labelKey, type RecordLabel } from './indicators.usecases.js';

const must = (p: Principal | null): Principal => {
  if (!p) throw new Error('indicator route reached without a principal');
  return p;
};

export function indicatorRoutes(deps: IndicatorDeps): RouteModule {
  const db = deps.db.kysely;
  const tags = ['indicators'];
  const lookup = async (items: { type: z.infer<typeof indicatorTypeSchema>; value: string }[]) => {
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
    addRoute(app, {
      method: 'POST',
      url: '/api/indicators/extract',
      access: 'indicators.extract',
      summary: '文章から指標を抽出 / Extract indicators from text',
      tags,
      body: extractRequestSchema,
      response: { 200: extractResponseSchema },
      handler: async ({ body }) => ({ hits: await extractAnnotated(deps, body.text) }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/indicators/lookup',
      access: 'indicators.read',
      summary: '指標の照会 / Look up one indicator',
      tags,
      querystring: z.strictObject({ type: indicatorTypeSchema, value: z.string().min(1).max(2000) }),
      response: { 200: lookupResultSchema },
      handler: async ({ query }) => ({ items: await lookup([query]) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/indicators/lookup',
      access: 'indicators.read',
      summary: '指標の一括照会（最大 10,000 件） / Batch lookup',
      tags,
      body: lookupBatchSchema,
      response: { 200: lookupResultSchema },
      handler: async ({ body }) => ({ items: await lookup(body.items) }),
    });
    const listErrors = { 400: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };
    const listId = z.strictObject({ id: z.string().startsWith('local:').max(60) });
    addRoute(app, {
      method: 'GET',
      url: '/api/indicators/warninglists',
      access: 'indicators.read',
      summary: '警告リストの一覧 / Warning lists',
      tags,
      response: { 200: warningListCatalogueSchema },
      handler: async () => ({ lists: await warningListCatalogue(db, deps.warnings) }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/indicators/warninglists/:id',
      access: 'indicators.warninglists.manage',
      summary: '独自の警告リストの内容 / A local warning list with its entries',
      tags,
      params: listId,
      response: { 200: localWarningListDetailSchema, ...listErrors },
      handler: ({ params }) => getLocalList(db, params.id),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/indicators/warninglists',
      access: 'indicators.warninglists.manage',
      summary: '独自の警告リストを追加 / Add a local warning list',
      tags,
      body: localWarningListInputSchema,
      response: { 201: localWarningListDetailSchema, ...listErrors },
      async handler({ body, principal }, req, reply) {
        reply.code(201);
        return createLocalList(deps, requestCtx(principal, req), body);
      },
    });
    addRoute(app, {
      method: 'PUT',
      url: '/api/indicators/warninglists/:id',
      access: 'indicators.warninglists.manage',
      summary: '独自の警告リストを更新 / Update a local warning list',
      tags,
      params: listId,
      body: localWarningListUpdateSchema,
      response: { 200: localWarningListDetailSchema, ...listErrors },
      handler: ({ params, body, principal }, req) => updateLocalList(deps, requestCtx(principal, req), params.id, body),
    });
    addRoute(app, {
      method: 'DELETE',
      url: '/api/indicators/warninglists/:id',
      access: 'indicators.warninglists.manage',
      summary: '独自の警告リストを削除 / Delete a local warning list',
      tags,
      params: listId,
      response: { 200: warningListCatalogueSchema, ...listErrors },
      async handler({ params, principal }, req) {
        await deleteLocalList(deps, requestCtx(principal, req), params.id);
        return { lists: await warningListCatalogue(db, deps.warnings) };
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/indicators/:id',
      access: 'indicators.read',
      summary: '指標の詳細と観測 / Indicator and its sightings',
      tags,
      params: z.strictObject({ id: z.coerce.number().int().positive() }),
      response: { 200: indicatorDetailSchema, 404: apiErrorSchema },
      async handler({ params, principal }) {
        const indicator = await findIndicator(db, params.id);
        if (!indicator) throw indicatorErrors.create('indicators.not_found');
        const s = await visibleSightings(db, must(principal), params.id);
        return { indicator, sightings: await withLabels(s.items), hiddenRecords: s.hidden };
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/records/:recordType/:recordId/cluster',
      access: 'indicators.read',
      summary: '記録のクラスタ（共通の指標でつながる記録） / A record\u2019s cluster',
      tags,
      params: z.strictObject({ recordType: z.string().min(1).max(50), recordId: z.string().min(1).max(100) }),
      response: { 200: clusterSchema },
      async handler({ params, principal }) {
        const c = await clusterOfRecord(db, must(principal), params.recordType, params.recordId);
        return { ...c, records: await withLabels(c.records) };
      },
    });
  };
}

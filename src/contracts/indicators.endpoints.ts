import { z } from 'zod';
import { defineEndpoint, errorResponses as errors } from './endpoint.js';
import { apiErrorSchema } from './errors.contracts.js';
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
} from './indicators.contracts.js';

/** Indicator extraction, lookup, correlation and warning lists. */
const tags = ['indicators'];
const listId = z.strictObject({ id: z.string().startsWith('local:').max(60) });

export const indicatorEndpoints = {
  extract: defineEndpoint({
    method: 'POST',
    path: '/api/indicators/extract',
    access: 'indicators.extract',
    summary: '文章から指標を抽出 / Extract indicators from text',
    tags,
    body: extractRequestSchema,
    response: { 200: extractResponseSchema },
  }),
  lookup: defineEndpoint({
    method: 'GET',
    path: '/api/indicators/lookup',
    access: 'indicators.read',
    summary: '指標の照会 / Look up one indicator',
    tags,
    query: z.strictObject({ type: indicatorTypeSchema, value: z.string().min(1).max(2000) }),
    response: { 200: lookupResultSchema },
  }),
  lookupBatch: defineEndpoint({
    method: 'POST',
    path: '/api/indicators/lookup',
    access: 'indicators.read',
    summary: '指標の一括照会（最大 10,000 件） / Batch lookup',
    tags,
    body: lookupBatchSchema,
    response: { 200: lookupResultSchema },
  }),
  warningLists: defineEndpoint({
    method: 'GET',
    path: '/api/indicators/warninglists',
    access: 'indicators.read',
    summary: '警告リストの一覧 / Warning lists',
    tags,
    response: { 200: warningListCatalogueSchema },
  }),
  getLocalList: defineEndpoint({
    method: 'GET',
    path: '/api/indicators/warninglists/:id',
    access: 'indicators.warninglists.manage',
    summary: '独自の警告リストの内容 / A local warning list with its entries',
    tags,
    params: listId,
    response: { 200: localWarningListDetailSchema, ...errors },
  }),
  createLocalList: defineEndpoint({
    method: 'POST',
    path: '/api/indicators/warninglists',
    access: 'indicators.warninglists.manage',
    summary: '独自の警告リストを追加 / Add a local warning list',
    tags,
    body: localWarningListInputSchema,
    response: { 201: localWarningListDetailSchema, ...errors },
  }),
  updateLocalList: defineEndpoint({
    method: 'PUT',
    path: '/api/indicators/warninglists/:id',
    access: 'indicators.warninglists.manage',
    summary: '独自の警告リストを更新 / Update a local warning list',
    tags,
    params: listId,
    body: localWarningListUpdateSchema,
    response: { 200: localWarningListDetailSchema, ...errors },
  }),
  deleteLocalList: defineEndpoint({
    method: 'DELETE',
    path: '/api/indicators/warninglists/:id',
    access: 'indicators.warninglists.manage',
    summary: '独自の警告リストを削除 / Delete a local warning list',
    tags,
    params: listId,
    response: { 200: warningListCatalogueSchema, ...errors },
  }),
  indicator: defineEndpoint({
    method: 'GET',
    path: '/api/indicators/:id',
    access: 'indicators.read',
    summary: '指標の詳細と観測 / Indicator and its sightings',
    tags,
    params: z.strictObject({ id: z.coerce.number().int().positive() }),
    response: { 200: indicatorDetailSchema, 404: apiErrorSchema },
  }),
  cluster: defineEndpoint({
    method: 'GET',
    path: '/api/records/:recordType/:recordId/cluster',
    access: 'indicators.read',
    summary: '記録のクラスタ（共通の指標でつながる記録） / A record\u2019s cluster',
    tags,
    params: z.strictObject({ recordType: z.string().min(1).max(50), recordId: z.string().min(1).max(100) }),
    response: { 200: clusterSchema },
  }),
};

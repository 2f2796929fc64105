import { z } from 'zod';
import {
  caseCreatedSchema,
  caseCreateSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  caseTransitionedSchema,
  caseTransitionSchema,
  caseUpdatedSchema,
  caseUpdateSchema,
  consultationCasesSchema,
} from './cases.contracts.js';
import { defineEndpoint, errorResponses as errors } from './endpoint.js';
import { apiErrorSchema } from './errors.contracts.js';

/** Every cases endpoint (事件・支援要請), declared once for the server, the web app and OpenAPI. */
const tags = ['cases'];
const idParam = z.strictObject({ id: z.string().min(1).max(64) });

export const casesEndpoints = {
  createCase: defineEndpoint({
    method: 'POST',
    path: '/api/cases',
    access: 'cases.write',
    summary: '事件・事案の登録（相談からの事件化を含む） / Open a case',
    tags,
    body: caseCreateSchema,
    response: { 201: caseCreatedSchema, ...errors },
  }),
  listCases: defineEndpoint({
    method: 'GET',
    path: '/api/cases',
    access: 'cases.read',
    summary: '事件・事案の一覧 / List cases',
    tags,
    query: caseListQuerySchema,
    response: { 200: caseListSchema },
  }),
  getCase: defineEndpoint({
    method: 'GET',
    path: '/api/cases/:id',
    access: 'cases.read',
    summary: '事件・事案の詳細 / A case',
    tags,
    params: idParam,
    response: { 200: caseDetailSchema, 404: apiErrorSchema },
  }),
  updateCase: defineEndpoint({
    method: 'PATCH',
    path: '/api/cases/:id',
    access: 'cases.write',
    summary: '事件・事案の編集（件名・分類・手口・主任捜査官・概要） / Edit a case',
    tags,
    params: idParam,
    body: caseUpdateSchema,
    response: { 200: caseUpdatedSchema, ...errors },
  }),
  transitionCase: defineEndpoint({
    method: 'POST',
    path: '/api/cases/:id/status',
    access: 'cases.write',
    summary: '事件・事案の状態の変更 / Change the status of a case',
    tags,
    params: idParam,
    body: caseTransitionSchema,
    response: { 200: caseTransitionedSchema, 403: apiErrorSchema, ...errors },
  }),
  consultationCases: defineEndpoint({
    method: 'GET',
    path: '/api/cases/by-consultation/:id',
    access: 'intake.read',
    summary: '相談から事件化された事件の番号と状態 / Cases a consultation became',
    tags,
    params: idParam,
    response: { 200: consultationCasesSchema, 404: apiErrorSchema },
  }),
};

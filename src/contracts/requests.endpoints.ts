import { z } from 'zod';
import { defineEndpoint, errorResponses as errors } from './endpoint.js';
import { apiErrorSchema } from './errors.contracts.js';
import {
  requestCreateSchema,
  requestDetailSchema,
  requestKind,
  requestListQuerySchema,
  requestListSchema,
  requestMessageCreateSchema,
  requestSavedSchema,
  requestSlaPutSchema,
  requestSlaSchema,
  requestTargetsSchema,
  requestTransitionedSchema,
  requestTransitionSchema,
} from './requests.contracts.js';

/**
 * Support requests (支援要請・共助), part of the cases domain. Reading and handling need cases.read
 * (情報技術解析課 may only read cases, and answers analysis requests); sending needs cases.write;
 * which side may make each change is the request lifecycle's to judge.
 */
const tags = ['cases'];
const idParam = z.strictObject({ id: z.string().min(1).max(64) });

export const requestsEndpoints = {
  listRequests: defineEndpoint({
    method: 'GET',
    path: '/api/requests',
    access: 'cases.read',
    summary: '受けた依頼・出した依頼 / Support requests to or from my unit',
    tags,
    query: requestListQuerySchema,
    response: { 200: requestListSchema },
  }),
  createRequest: defineEndpoint({
    method: 'POST',
    path: '/api/requests',
    access: 'cases.write',
    summary: '支援要請の送付（外部から受けた依頼の記録を含む） / Send or record a support request',
    tags,
    body: requestCreateSchema,
    response: { 201: requestSavedSchema, ...errors },
  }),
  requestTargets: defineEndpoint({
    method: 'GET',
    path: '/api/requests/targets',
    access: 'cases.write',
    summary: '支援要請の依頼先の候補 / Units a request may go to',
    tags,
    response: { 200: requestTargetsSchema },
  }),
  getRequest: defineEndpoint({
    method: 'GET',
    path: '/api/requests/:id',
    access: 'cases.read',
    summary: '支援要請の詳細と経過 / A support request and its timeline',
    tags,
    params: idParam,
    response: { 200: requestDetailSchema, 404: apiErrorSchema },
  }),
  transitionRequest: defineEndpoint({
    method: 'POST',
    path: '/api/requests/:id/status',
    access: 'cases.read',
    summary: '支援要請の受理・辞退・回答・完了など / Accept, decline, answer or complete a request',
    tags,
    params: idParam,
    body: requestTransitionSchema,
    response: { 200: requestTransitionedSchema, 403: apiErrorSchema, ...errors },
  }),
  replyToRequest: defineEndpoint({
    method: 'POST',
    path: '/api/requests/:id/messages',
    access: 'cases.read',
    summary: '支援要請への連絡 / Write on a request',
    tags,
    params: idParam,
    body: requestMessageCreateSchema,
    response: { 201: requestSavedSchema, 403: apiErrorSchema, ...errors },
  }),
  requestSla: defineEndpoint({
    method: 'GET',
    path: '/api/requests/sla',
    access: 'cases.read',
    summary: '支援要請の種類ごとの期限 / Deadlines per kind of request',
    tags,
    response: { 200: requestSlaSchema },
  }),
  putRequestSla: defineEndpoint({
    method: 'PUT',
    path: '/api/requests/sla/:kind',
    access: 'intake.settings.manage',
    summary: '支援要請の期限の変更 / Change the deadlines of a kind of request',
    tags,
    params: z.strictObject({ kind: requestKind.schema }),
    body: requestSlaPutSchema,
    response: { 200: requestSlaSchema, ...errors },
  }),
};

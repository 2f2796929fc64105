import { z } from 'zod';
import { defineEndpoint, errorResponses as errors } from './endpoint.js';
import { apiErrorSchema } from './errors.contracts.js';
import {
  legalCreateSchema,
  legalListSchema,
  legalSavedSchema,
  legalTransitionSchema,
  letterPrefixSchema,
  recipientCreateSchema,
  recipientListSchema,
  recipientSchema,
  warrantCreateSchema,
  warrantListSchema,
  warrantSavedSchema,
  warrantTransitionSchema,
} from './legal.contracts.js';

/**
 * 照会・保全 of a case, part of the cases domain. Reading needs cases.read and the case; drafting,
 * sending and recording the answer need cases.write; approving (決裁) needs cases.legal.approve
 * and is never the drafter's own — the legal-process lifecycle judges each change.
 */
const tags = ['cases'];
const caseParam = z.strictObject({ id: z.string().min(1).max(64) });
const warrantParams = z.strictObject({ id: z.string().min(1).max(64), warrantId: z.string().min(1).max(64) });
const legalParams = z.strictObject({ id: z.string().min(1).max(64), legalId: z.string().min(1).max(64) });

export const legalEndpoints = {
  listWarrants: defineEndpoint({
    method: 'GET',
    path: '/api/cases/:id/warrants',
    access: 'cases.read',
    summary: '事件の令状 / Warrants of a case',
    tags,
    params: caseParam,
    response: { 200: warrantListSchema, 404: apiErrorSchema },
  }),
  createWarrant: defineEndpoint({
    method: 'POST',
    path: '/api/cases/:id/warrants',
    access: 'cases.write',
    summary: '令状の請求の記録 / Record a warrant asked of a court',
    tags,
    params: caseParam,
    body: warrantCreateSchema,
    response: { 201: warrantSavedSchema, 403: apiErrorSchema, ...errors },
  }),
  transitionWarrant: defineEndpoint({
    method: 'POST',
    path: '/api/cases/:id/warrants/:warrantId/transition',
    access: 'cases.write',
    summary: '令状の発付・却下・執行・返還の記録 / Record a warrant issued, rejected, executed or returned',
    tags,
    params: warrantParams,
    body: warrantTransitionSchema,
    response: { 200: warrantSavedSchema, 403: apiErrorSchema, ...errors },
  }),
  listLegal: defineEndpoint({
    method: 'GET',
    path: '/api/cases/:id/legal',
    access: 'cases.read',
    summary: '事件の照会・保全 / Letters of a case',
    tags,
    params: caseParam,
    response: { 200: legalListSchema, 404: apiErrorSchema },
  }),
  createLegal: defineEndpoint({
    method: 'POST',
    path: '/api/cases/:id/legal',
    access: 'cases.write',
    summary: '照会書・保全要請書の起案 / Draft a letter',
    tags,
    params: caseParam,
    body: legalCreateSchema,
    response: { 201: legalSavedSchema, 403: apiErrorSchema, ...errors },
  }),
  transitionLegal: defineEndpoint({
    method: 'POST',
    path: '/api/cases/:id/legal/:legalId/transition',
    access: 'cases.read',
    summary: '照会書の決裁・送付・回答の記録・取下げ / Approve, send, record the answer or withdraw',
    tags,
    params: legalParams,
    body: legalTransitionSchema,
    response: { 200: legalSavedSchema, 403: apiErrorSchema, ...errors },
  }),
  letterPdf: defineEndpoint({
    method: 'GET',
    path: '/api/cases/:id/legal/:legalId/letter',
    access: 'cases.read',
    summary: '照会書の PDF（決裁前は「案」） / The letter as a PDF (a draft until approved)',
    tags,
    params: legalParams,
    response: 'file',
  }),
  listRecipients: defineEndpoint({
    method: 'GET',
    path: '/api/legal/recipients',
    access: 'cases.read',
    summary: '照会先の一覧 / Recipient registry',
    tags,
    response: { 200: recipientListSchema },
  }),
  createRecipient: defineEndpoint({
    method: 'POST',
    path: '/api/legal/recipients',
    access: 'cases.write',
    summary: '照会先の登録 / Add a recipient',
    tags,
    body: recipientCreateSchema,
    response: { 201: recipientSchema, ...errors },
  }),
  getLetterPrefix: defineEndpoint({
    method: 'GET',
    path: '/api/legal/letter-prefix',
    access: 'cases.read',
    summary: '自所属の文書記号 / My unit’s letter prefix',
    tags,
    response: { 200: z.object({ prefix: z.string() }) },
  }),
  putLetterPrefix: defineEndpoint({
    method: 'PUT',
    path: '/api/legal/letter-prefix',
    access: 'cases.legal.approve',
    summary: '自所属の文書記号の設定 / Set my unit’s letter prefix',
    tags,
    body: letterPrefixSchema,
    response: { 200: z.object({ prefix: z.string() }), ...errors },
  }),
};

import { auditPageSchema, auditQuerySchema, auditVerifySchema } from './audit.contracts.js';
import { defineEndpoint } from './endpoint.js';

/** The audit trail: searched and verified, never changed. */
export const auditEndpoints = {
  events: defineEndpoint({
    method: 'GET',
    path: '/api/audit/events',
    access: 'audit.read',
    summary: '監査ログの検索 / Search the audit trail',
    tags: ['audit'],
    query: auditQuerySchema,
    response: { 200: auditPageSchema },
  }),
  verify: defineEndpoint({
    method: 'GET',
    path: '/api/audit/verify',
    access: 'audit.read',
    summary: '監査ログの改ざん検査 / Verify the hash chain',
    tags: ['audit'],
    response: { 200: auditVerifySchema },
  }),
};

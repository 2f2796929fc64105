import { z } from 'zod';
import { defineEndpoint } from './endpoint.js';
import { apiErrorSchema } from './errors.contracts.js';
import { healthSchema, jobListQuerySchema, jobSchema, readinessSchema } from './system.contracts.js';

/** Probes, version and background jobs. */
export const systemEndpoints = {
  health: defineEndpoint({
    method: 'GET',
    path: '/healthz',
    access: 'public',
    summary: '死活監視（プロセス） / Liveness',
    tags: ['system'],
    response: { 200: healthSchema },
  }),
  ready: defineEndpoint({
    method: 'GET',
    path: '/readyz',
    access: 'public',
    summary: '準備状態（DB・マイグレーション） / Readiness',
    tags: ['system'],
    response: { 200: readinessSchema, 503: readinessSchema },
  }),
  version: defineEndpoint({
    method: 'GET',
    path: '/api/version',
    access: 'public',
    summary: '版 / Version',
    tags: ['system'],
    response: { 200: z.object({ name: z.string(), version: z.string() }) },
  }),
  jobs: defineEndpoint({
    method: 'GET',
    path: '/api/admin/jobs',
    access: 'system.jobs.read',
    summary: 'ジョブ一覧 / Background jobs',
    tags: ['admin'],
    query: jobListQuerySchema,
    response: { 200: z.object({ items: z.array(jobSchema) }) },
  }),
  retryJob: defineEndpoint({
    method: 'POST',
    path: '/api/admin/jobs/:id/retry',
    access: 'system.jobs.manage',
    summary: '失敗したジョブの再実行 / Retry a failed job',
    tags: ['admin'],
    params: z.strictObject({ id: z.uuid() }),
    response: { 200: z.object({ ok: z.literal(true) }), 409: apiErrorSchema },
  }),
};

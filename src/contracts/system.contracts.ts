import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.object({ engine: z.enum(['sqlite', 'postgres']), reachable: z.boolean() }),
  migrations: z.object({ current: z.boolean(), applied: z.number(), known: z.number() }),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const versionSchema = z.object({ name: z.string(), version: z.string() });

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: jobStatusSchema,
  attempts: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListQuerySchema = z.strictObject({
  status: jobStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

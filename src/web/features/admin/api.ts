import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { type JobStatus, jobSchema } from '../../../contracts/system.contracts.js';
import { apiRequest } from '../../api/client.js';

/** GET /api/admin/jobs answers `{ items: Job[] }`. */
export const jobListResponseSchema = z.object({ items: z.array(jobSchema) });

export const jobsQueryOptions = (status: JobStatus | undefined) =>
  queryOptions({
    queryKey: ['admin', 'jobs', { status: status ?? 'all' }] as const,
    queryFn: ({ signal }) =>
      apiRequest('/api/admin/jobs', {
        query: { status },
        schema: jobListResponseSchema,
        signal,
      }),
  });

/** POST /api/admin/jobs/:id/retry — queue a failed job again (needs system.jobs.manage). */
export async function retryJob(id: string): Promise<void> {
  await apiRequest(`/api/admin/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

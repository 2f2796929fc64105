import { queryOptions } from '@tanstack/react-query';
import type { JobStatus } from '../../../contracts/system.contracts.js';
import { systemEndpoints as ep } from '../../../contracts/system.endpoints.js';
import { call } from '../../api/client.js';

export const jobsQueryOptions = (status: JobStatus | undefined) =>
  queryOptions({
    queryKey: ['admin', 'jobs', { status: status ?? 'all' }] as const,
    queryFn: ({ signal }) => call(ep.jobs, { query: { status }, signal }),
  });

/** POST /api/admin/jobs/:id/retry — queue a failed job again (needs system.jobs.manage). */
export async function retryJob(id: string): Promise<void> {
  await call(ep.retryJob, { params: { id } });
}

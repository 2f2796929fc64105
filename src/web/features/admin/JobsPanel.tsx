import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../contracts/permissions.contracts.js';
import { type JobStatus, jobStatusSchema } from '../../../contracts/system.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { jobsQueryOptions, retryJob } from './api.js';
import { JobsTable } from './JobsTable.js';

const ALL = 'all';
const MANAGE_JOBS: Permission = 'system.jobs.manage';

/** Background jobs, failed ones first (the default filter). */
export function JobsPanel() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<JobStatus | undefined>('failed');
  const jobs = useQuery(jobsQueryOptions(status));
  const queryClient = useQueryClient();
  const canManage = useSession()?.user.permissions.includes(MANAGE_JOBS) ?? false;
  const retry = useMutation({
    mutationFn: retryJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] }),
  });

  const statusOptions = [
    ...jobStatusSchema.options.map((s) => ({ value: s, label: t(`admin.jobs.status.${s}`) })),
    { value: ALL, label: t('admin.jobs.allStatuses') },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('admin.jobs.heading')}
        </Title>
        <Select
          label={t('admin.jobs.statusFilter')}
          data={statusOptions}
          value={status ?? ALL}
          onChange={(value) => {
            const parsed = jobStatusSchema.safeParse(value);
            setStatus(parsed.success ? parsed.data : undefined);
          }}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {jobs.isPending && <PageLoader />}
      {jobs.isError && <ErrorAlert error={jobs.error} onRetry={isRetryable(jobs.error) ? () => void jobs.refetch() : undefined} />}
      {retry.isError && <ErrorAlert error={retry.error} title={t('admin.jobs.retryFailed')} />}
      {jobs.isSuccess && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('admin.jobs.total', { count: jobs.data.items.length })}
          </Text>
          {jobs.data.items.length === 0 ? (
            <Text>{t('admin.jobs.empty')}</Text>
          ) : (
            <JobsTable
              jobs={jobs.data.items}
              onRetry={canManage ? (job) => retry.mutate(job.id) : undefined}
              retryingId={retry.isPending ? retry.variables : undefined}
            />
          )}
        </>
      )}
    </Stack>
  );
}

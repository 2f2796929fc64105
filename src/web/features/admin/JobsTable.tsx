import { Badge, Button, type MantineColor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Job, JobStatus } from '../../../contracts/system.contracts.js';
import { formatJst } from '../../lib/datetime.js';

const statusColor: Record<JobStatus, MantineColor> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

interface JobsTableProps {
  jobs: readonly Job[];
  /** Shown only to users holding system.jobs.manage; the server checks again. */
  onRetry?: (job: Job) => void;
  /** Id of the job whose retry is in flight. */
  retryingId?: string | undefined;
}

export function JobsTable({ jobs, onRetry, retryingId }: JobsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="sm">
        <Table.Caption>{t('admin.jobs.timezoneNote')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.jobs.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('admin.jobs.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('admin.jobs.columns.attempts')}</Table.Th>
            <Table.Th scope="col">{t('admin.jobs.columns.lastError')}</Table.Th>
            <Table.Th scope="col">{t('admin.jobs.columns.runAt')}</Table.Th>
            <Table.Th scope="col">{t('admin.jobs.columns.updatedAt')}</Table.Th>
            {onRetry && <Table.Th scope="col">{t('admin.jobs.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {job.kind}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={statusColor[job.status]} variant="light">
                  {t(`admin.jobs.status.${job.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {t('admin.jobs.attemptsValue', { attempts: job.attempts, max: job.maxAttempts })}
              </Table.Td>
              <Table.Td maw={360}>
                {job.lastError ? (
                  <Text
                    size="sm"
                    ff="monospace"
                    lineClamp={4}
                    title={job.lastError}
                    style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                  >
                    {job.lastError}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={job.runAt}>{formatJst(job.runAt)}</time>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={job.updatedAt}>{formatJst(job.updatedAt)}</time>
              </Table.Td>
              {onRetry && (
                <Table.Td>
                  {job.status === 'failed' && (
                    <Button
                      size="xs"
                      variant="outline"
                      onClick={() => onRetry(job)}
                      loading={retryingId === job.id}
                      disabled={retryingId !== undefined && retryingId !== job.id}
                      aria-label={t('admin.jobs.retryLabel', { kind: job.kind })}
                    >
                      {t('admin.jobs.retry')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

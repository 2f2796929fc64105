import { Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../contracts/intake.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.js';
import { intakeKeys } from '../api.js';
import { acknowledgeEscalation, openEscalationsQueryOptions } from './api.js';
import { GuidanceModal } from './GuidanceModal.js';
import { QueueTable } from './QueueTable.js';

/** 速報 first, then the nearest deadline. */
const byUrgency = (a: EscalationView, b: EscalationView) => Number(b.urgent) - Number(a.urgent) || a.dueAt.localeCompare(b.dueAt);

/** 報告受信: reports from the stations waiting for サイバー課 (intake.escalations.handle). */
export function EscalationQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.queue.title'));
  const queryClient = useQueryClient();
  const queue = useQuery(openEscalationsQueryOptions);
  const [guiding, setGuiding] = useState<EscalationView | null>(null);
  const acknowledge = useMutation({
    mutationFn: (item: EscalationView) => acknowledgeEscalation(item.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: intakeKeys.all }),
  });
  const items = useMemo(() => [...(queue.data ?? [])].sort(byUrgency), [queue.data]);
  const overdue = items.filter((item) => item.state === 'overdue').length;

  return (
    <Stack gap="md">
      <Text size="sm">{t('intake.queue.intro')}</Text>
      {acknowledge.isError && <ErrorAlert error={acknowledge.error} title={t('intake.queue.ackFailed')} />}
      {queue.isPending && <PageLoader />}
      {queue.isError && <ErrorAlert error={queue.error} onRetry={isRetryable(queue.error) ? () => void queue.refetch() : undefined} />}
      {queue.isSuccess && (
        <>
          <Group gap="lg" aria-live="polite">
            <Text fw={700}>{t('intake.queue.count', { count: items.length })}</Text>
            {overdue > 0 && (
              <Text fw={700} c="red.8">
                {t('intake.queue.overdueCount', { count: overdue })}
              </Text>
            )}
          </Group>
          {items.length === 0 ? (
            <Text>{t('intake.queue.empty')}</Text>
          ) : (
            <QueueTable
              items={items}
              onAcknowledge={(item) => acknowledge.mutate(item)}
              onGuidance={setGuiding}
              busyId={acknowledge.isPending ? (acknowledge.variables?.id ?? null) : null}
            />
          )}
        </>
      )}
      {guiding && <GuidanceModal escalation={guiding} onClose={() => setGuiding(null)} />}
    </Stack>
  );
}

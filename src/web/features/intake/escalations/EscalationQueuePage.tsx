import { Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '../../../../contracts/intake.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { useAppMutation } from '../../../api/mutation.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { intakeKeys } from '../api.js';
import { acknowledgeEscalation, handledEscalationsQueryOptions, openEscalationsQueryOptions } from './api.js';
import { GuidanceModal } from './GuidanceModal.js';
import { HandledTable } from './HandledTable.js';
import { QueueTable } from './QueueTable.js';

/** 速報 first, then the nearest deadline. */
const byUrgency = (a: EscalationView, b: EscalationView) => Number(b.urgent) - Number(a.urgent) || a.dueAt.localeCompare(b.dueAt);

function HandledPanel() {
  const { t } = useTranslation();
  const handled = useQuery(handledEscalationsQueryOptions);
  if (handled.isPending) return <PageLoader />;
  if (handled.isError)
    return <ErrorAlert error={handled.error} onRetry={isRetryable(handled.error) ? () => void handled.refetch() : undefined} />;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('intake.queueTabs.handledIntro')}</Text>
      <Text fw={700}>{t('intake.queueTabs.handledCount', { count: handled.data.length })}</Text>
      {handled.data.length === 0 ? <Text>{t('intake.queueTabs.handledEmpty')}</Text> : <HandledTable items={handled.data} />}
    </Stack>
  );
}

/** 報告受信: reports from the stations waiting for サイバー課 (intake.escalations.handle), and those handled. */
export function EscalationQueuePage() {
  const { t } = useTranslation();
  const queue = useQuery(openEscalationsQueryOptions);
  const [tab, setTab] = useState<string | null>('open');
  const [guiding, setGuiding] = useState<EscalationView | null>(null);
  const acknowledge = useAppMutation({
    mutationFn: (item: EscalationView) => acknowledgeEscalation(item.id),
    invalidates: [intakeKeys.all],
    success: (_data, item) => t('intake.toast.acknowledged', { refNo: item.refNo }),
  });
  const items = useMemo(() => [...(queue.data ?? [])].sort(byUrgency), [queue.data]);
  const overdue = items.filter((item) => item.state === 'overdue').length;

  return (
    <Stack gap="md">
      <PageHeading title={t('intake.queue.title')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('intake.queueTabs.label')} mb="md">
          <Tabs.Tab value="open">{t('intake.queueTabs.open')}</Tabs.Tab>
          <Tabs.Tab value="handled">{t('intake.queueTabs.handled')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open">
          <Stack gap="md">
            <Text size="sm">{t('intake.queue.intro')}</Text>
            {acknowledge.isError && <ErrorAlert error={acknowledge.error} title={t('intake.queue.ackFailed')} />}
            {queue.isPending && <PageLoader />}
            {queue.isError && (
              <ErrorAlert error={queue.error} onRetry={isRetryable(queue.error) ? () => void queue.refetch() : undefined} />
            )}
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
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="handled">
          <HandledPanel />
        </Tabs.Panel>
        {guiding && <GuidanceModal escalation={guiding} onClose={() => setGuiding(null)} />}
      </Tabs>
    </Stack>
  );
}

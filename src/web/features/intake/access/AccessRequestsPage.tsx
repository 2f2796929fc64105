import { Anchor, Badge, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccessRequestSummary, accessRequestStateLabels } from '../../../../contracts/intake.access.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { useLocalized, useUnitName } from '../../../i18n/index.js';
import { formatJst } from '../../../lib/datetime.js';
import { useIndicatorTypeLabel } from '../../indicators/index.js';
import { accessRequestsQueryOptions } from './api.js';

const stateColor = { pending: 'orange.8', approved: 'green.8', declined: 'gray.7' } as const;

function RequestsTable({ items }: { items: readonly AccessRequestSummary[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const typeLabel = useIndicatorTypeLabel();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label={t('intake.accessRequests.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('intake.accessRequests.state')}</Table.Th>
            <Table.Th>{t('intake.accessRequests.indicator')}</Table.Th>
            <Table.Th w={220}>{t('intake.accessRequests.requester')}</Table.Th>
            <Table.Th>{t('intake.accessRequests.reason')}</Table.Th>
            <Table.Th w={170}>{t('intake.accessRequests.requestedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Badge color={stateColor[r.state]} variant="light" tt="none" radius="sm">
                  {localized(accessRequestStateLabels[r.state])}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor renderRoot={(props) => <Link to="/intake/access-requests/$id" params={{ id: r.id }} {...props} />} fw={700}>
                  {typeLabel(r.indicator.type)} {r.indicator.value}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('intake.accessRequests.hidden', { count: r.hidden })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{unitName({ name: r.requesterUnitName, nameEn: r.requesterUnitNameEn })}</Text>
                <Text size="xs" c="dimmed">
                  {r.requesterName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {r.reason}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatJst(r.createdAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RequestsPanel({ state }: { state: 'pending' | 'decided' }) {
  const { t } = useTranslation();
  const list = useQuery(accessRequestsQueryOptions(state));
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={isRetryable(list.error) ? () => void list.refetch() : undefined} />;
  return list.data.length === 0 ? <Text>{t('intake.accessRequests.empty')}</Text> : <RequestsTable items={list.data} />;
}

/** 閲覧依頼: requests from the units to read other units' records, awaiting サイバー課's decision, and decided ones. */
export function AccessRequestsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('pending');
  return (
    <Stack gap="md">
      <PageHeading title={t('intake.accessRequests.title')} />
      <Text size="sm">{t('intake.accessRequests.intro')}</Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="pending">{t('intake.accessRequests.tabs.pending')}</Tabs.Tab>
          <Tabs.Tab value="decided">{t('intake.accessRequests.tabs.decided')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending">
          <RequestsPanel state="pending" />
        </Tabs.Panel>
        <Tabs.Panel value="decided">
          <RequestsPanel state="decided" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

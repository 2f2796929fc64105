import { Anchor, Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { DetailSection } from '../../components/DetailSection.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { hasPermission } from '../../lib/permissions.js';
import { RequestForm } from './RequestForm.js';
import { RequestTable } from './RequestTable.js';
import { type RequestBox, requestListQueryOptions } from './requests.api.js';

/**
 * 支援要請: what the officer's unit was asked (受けた依頼) and asked of others (出した依頼), open
 * ones unless asked for all, with deadlines and the overdue marked; and, for those who send
 * requests, the form to send one or record one received from outside Renkei.
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  const [box, setBox] = useState<RequestBox>('inbox');
  const [all, setAll] = useState(false);
  const list = useQuery(requestListQueryOptions(box, !all));
  return (
    <Stack gap="md">
      <PageHeading title={t('cases.requests.title')} order={1} />
      <Group justify="space-between" align="center">
        <SegmentedControl
          aria-label={t('cases.requests.box')}
          value={box}
          onChange={(value) => setBox(value as RequestBox)}
          data={[
            { value: 'inbox', label: t('cases.requests.inbox') },
            { value: 'outbox', label: t('cases.requests.outbox') },
          ]}
        />
        <Checkbox label={t('cases.requests.showClosed')} checked={all} onChange={(event) => setAll(event.currentTarget.checked)} />
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.myTasks.toCases')}
        </Anchor>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={isRetryable(list.error) ? () => void list.refetch() : undefined} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm">{box === 'inbox' ? t('cases.requests.emptyInbox') : t('cases.requests.emptyOutbox')}</Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {t('cases.requests.summary', { n: list.data.items.length, overdue: list.data.overdue })}
          </Text>
          <RequestTable requests={list.data.items} label={box === 'inbox' ? t('cases.requests.inbox') : t('cases.requests.outbox')} />
        </>
      )}
      {hasPermission(user, 'cases.write') && (
        <DetailSection title={t('cases.requests.form')} order={2}>
          <RequestForm />
        </DetailSection>
      )}
    </Stack>
  );
}

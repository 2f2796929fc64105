import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRetryable } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { hasPermission } from '../../../lib/permissions.js';
import { unitsQueryOptions } from '../units/api.js';
import { useUnitName } from '../units/useUnitOptions.js';
import { USER_LIST_MAX, usersQueryOptions } from '../users/api.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import { AuditVerify } from './AuditVerify.js';
import { auditEventsQueryOptions, type AuditFilters as Filters } from './api.js';

/** 監査ログ (audit.read): filter, page back with 「さらに読み込む」, and check the hash chain. */
export function AuditPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const canReadUsers = hasPermission(session?.user, 'org.users.read');
  const canReadUnits = hasPermission(session?.user, 'org.units.read');
  const [filters, setFilters] = useState<Filters>({});
  const events = useInfiniteQuery(auditEventsQueryOptions(filters));
  const users = useQuery({ ...usersQueryOptions({}, USER_LIST_MAX), enabled: canReadUsers });
  const units = useQuery({ ...unitsQueryOptions, enabled: canReadUnits });
  const unitLabel = useUnitName();
  const unitById = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);
  const unitName = (id: string) => {
    const unit = unitById.get(id);
    return unit ? unitLabel(unit) : undefined;
  };
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h3">
          {t('admin.audit.heading')}
        </Title>
        <AuditVerify />
      </Group>
      <AuditFilters
        onApply={setFilters}
        users={canReadUsers && users.isSuccess ? users.data : undefined}
        units={canReadUnits && units.isSuccess ? units.data : undefined}
      />
      {events.isPending && <PageLoader />}
      {events.isError && !events.isFetchNextPageError && (
        <ErrorAlert error={events.error} onRetry={isRetryable(events.error) ? () => void events.refetch() : undefined} />
      )}
      {events.data && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('admin.audit.shown', { count: items.length })}
          </Text>
          {items.length === 0 ? <Text>{t('admin.audit.empty')}</Text> : <AuditTable events={items} unitName={unitName} />}
          {events.isFetchNextPageError && <ErrorAlert error={events.error} />}
          {events.hasNextPage && (
            <Group justify="center">
              <Button variant="outline" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                {t('admin.audit.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

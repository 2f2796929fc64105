import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CaseSummary, caseStatus } from '../../../contracts/cases.contracts.js';
import { intakeCategory } from '../../../contracts/intake.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLanguage, useUnitName } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { caseListQueryOptions } from './api.js';
import { CaseAnchor } from './CaseAnchor.js';
import { CaseStatusBadge } from './CaseStatusBadge.js';
import type { CaseListSearch } from './cases.search.js';

export const CASE_PAGE_SIZE = 50;

interface CaseListPageProps {
  search: CaseListSearch;
  onSearchChange: (next: CaseListSearch) => void;
}

/**
 * 事件一覧 (cases.read): the cases the officer may read (need-to-know, on the server), newest first,
 * narrowed by 状態, 分類 and 自分が主任捜査官 (all in the URL). The server does not count the whole
 * list, so paging is 前 / 次 by a full page.
 */
export function CaseListPage({ search, onSearchChange }: CaseListPageProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const unitName = useUnitName();
  const page = search.page ?? 1;
  const user = useSession()?.user;
  const list = useQuery({
    ...caseListQueryOptions({
      status: search.status,
      category: search.category,
      leadUserId: search.mine && user ? user.id : undefined,
      page,
      pageSize: CASE_PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const categoryOptions = useMemo(
    () => [
      { value: '', label: t('common.all') },
      ...intakeCategory.keys.map((key) => ({ value: key, label: intakeCategory.labels[key][lng] })),
    ],
    [t, lng],
  );
  const statusOptions = useMemo(
    () => [{ value: '', label: t('common.all') }, ...caseStatus.keys.map((key) => ({ value: key, label: caseStatus.labels[key][lng] }))],
    [t, lng],
  );
  // Newest first, as the server pages them. No sortable headers until the server sorts: sorting
  // one page on screen would pass for an order of every case.
  const columns = useMemo<Column<CaseSummary>[]>(
    () => [
      {
        key: 'caseNo',
        header: t('cases.fields.caseNo'),
        cell: (row) => <CaseAnchor caseId={row.id}>{row.caseNo}</CaseAnchor>,
        nowrap: true,
      },
      { key: 'title', header: t('cases.fields.title'), cell: (row) => row.title },
      {
        key: 'status',
        header: t('cases.fields.status'),
        cell: (row) => <CaseStatusBadge status={row.status} />,
        nowrap: true,
      },
      {
        key: 'owner',
        header: t('cases.fields.owner'),
        cell: (row) => (
          <Stack gap={0}>
            <Text size="sm">{unitName({ name: row.owningUnitName, nameEn: row.owningUnitNameEn })}</Text>
            <Text size="xs" c="dimmed">
              {row.leadName}
            </Text>
          </Stack>
        ),
      },
      {
        key: 'openedAt',
        header: t('cases.fields.openedAt'),
        cell: (row) => formatJst(row.openedAt),
        nowrap: true,
      },
    ],
    [t, unitName],
  );

  const items = list.data?.items ?? [];
  const hasNext = items.length === CASE_PAGE_SIZE;
  return (
    <Stack gap="md">
      <PageHeading title={t('cases.list.title')} order={1} />
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('cases.list.statusFilter')}
          data={statusOptions}
          value={search.status ?? ''}
          onChange={(event) => {
            const status = caseStatus.keys.find((key) => key === event.currentTarget.value);
            // Another filter is another first page.
            onSearchChange({ ...search, status, page: undefined });
          }}
          w={200}
        />
        <NativeSelect
          label={t('cases.fields.category')}
          data={categoryOptions}
          value={search.category ?? ''}
          onChange={(event) => {
            const category = intakeCategory.keys.find((key) => key === event.currentTarget.value);
            onSearchChange({ ...search, category, page: undefined });
          }}
          w={240}
        />
        <Checkbox
          label={t('cases.list.mine')}
          checked={search.mine ?? false}
          onChange={(event) => onSearchChange({ ...search, mine: event.currentTarget.checked || undefined, page: undefined })}
          pb={8}
        />
        <Text size="xs" c="dimmed" pb={8}>
          {t('common.jstNote')}
        </Text>
        <Anchor component={Link} to="/cases/tasks" size="sm" pb={8} ml="auto">
          {t('cases.myTasks.title')}
        </Anchor>
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} onRetry={isRetryable(list.error) ? () => void list.refetch() : undefined} />}
      {list.isSuccess && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          {list.data.total > 0 && (
            <Text size="sm" role="status">
              {list.data.capped ? t('cases.list.countCapped') : t('cases.list.count', { n: list.data.total.toLocaleString() })}
            </Text>
          )}
          <DataTable
            rows={items}
            columns={columns}
            rowKey={(row) => row.id}
            empty={search.status || search.category || search.mine || page > 1 ? t('cases.list.noMatch') : t('cases.list.empty')}
            caption={t('cases.list.tableLabel')}
            minWidth={760}
          />
          {(page > 1 || hasNext) && (
            <Group gap="sm" aria-label={t('common.pagination.label')}>
              <Button
                variant="default"
                size="compact-sm"
                disabled={page <= 1}
                onClick={() => onSearchChange({ ...search, page: page > 2 ? page - 1 : undefined })}
              >
                {t('cases.list.previous', { n: CASE_PAGE_SIZE })}
              </Button>
              <Text size="sm">{t('cases.list.pageNote', { page })}</Text>
              <Button variant="default" size="compact-sm" disabled={!hasNext} onClick={() => onSearchChange({ ...search, page: page + 1 })}>
                {t('cases.list.next', { n: CASE_PAGE_SIZE })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

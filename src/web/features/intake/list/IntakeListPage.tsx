import { Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listSortKeys } from '../../../../contracts/intake.contracts.js';
import { roleScopes } from '../../../../contracts/permissions.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Pager } from '../../../components/Paged.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { PageLoader } from '../../../components/PageLoader.js';
import type { SortState } from '../../../components/SortableTh.js';
import { saveBlob } from '../../../lib/files.js';
import { hasPermission } from '../../../lib/permissions.js';
import { unitsQueryOptions } from '../../admin/index.js';
import { exportConsultations, listQueryOptions, statsQueryOptions } from '../api.js';
import { ExportMenu } from './ExportMenu.js';
import { fromSavedQuery, hasFilters, type ListSearch, PAGE_SIZE, toApiFilters } from './filters.js';
import { ListFiltersForm } from './ListFiltersForm.js';
import { ResultsTable } from './ResultsTable.js';
import { SavedViews } from './SavedViews.js';
import { StatsPanel } from './StatsPanel.js';

const DEFAULT_SORT = { key: 'receivedAt', order: 'desc' } as const;

interface IntakeListPageProps {
  search: ListSearch;
  onSearchChange: (next: ListSearch) => void;
}

/** 一覧 (intake.read): filters, saved views, counts per unit/category/手口, and the records page by page. */
export function IntakeListPage({ search, onSearchChange }: IntakeListPageProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSession()?.user;
  const filters = useMemo(() => toApiFilters(search), [search]);
  const page = search.page ?? 1;
  const list = useQuery({
    ...listQueryOptions({ ...filters, page, pageSize: PAGE_SIZE, sort: search.sort, order: search.order }),
    placeholderData: keepPreviousData,
  });
  // Without a chosen column the list is newest received first (a search: newest registered first).
  const sort: SortState = search.sort ? { key: search.sort, order: search.order ?? 'asc' } : search.q ? null : DEFAULT_SORT;
  const onSort = (next: SortState) => {
    const key = listSortKeys.find((k) => k === next?.key);
    // Another order is another first page; the default order leaves the URL clean.
    const isDefault = !search.q && key === DEFAULT_SORT.key && next?.order === DEFAULT_SORT.order;
    onSearchChange({ ...search, page: undefined, sort: isDefault ? undefined : key, order: isDefault ? undefined : next?.order });
  };
  // Whether the list spans several units does not depend on the filters: ask once, unfiltered.
  const prefectureWide = user ? roleScopes[user.role] === 'prefecture' : false;
  const overall = useQuery({ ...statsQueryOptions({}), enabled: !prefectureWide });
  const multiUnit = prefectureWide || (overall.data?.byUnit.length ?? 0) > 1;
  const stats = useQuery({ ...statsQueryOptions(filters), enabled: multiUnit, placeholderData: keepPreviousData });
  const units = useQuery({ ...unitsQueryOptions, enabled: multiUnit && hasPermission(user, 'org.units.read') });

  const exporting = useMutation({ mutationFn: exportConsultations, onSuccess: (file) => saveBlob(file.blob, file.fileName) });

  // The server counts up to a cap; `capped` says there are more than `total`.
  const total = list.data?.total ?? 0;
  const capped = list.data?.capped ?? false;
  return (
    <Stack gap="md">
      <PageHeading title={t('intake.list.title')} />
      <ListFiltersForm
        value={search}
        onChange={onSearchChange}
        units={multiUnit ? units.data : undefined}
        actions={
          <>
            {hasPermission(user, 'intake.export') && (
              <ExportMenu busy={exporting.isPending} onExport={(kind) => exporting.mutate({ filters, kind })} />
            )}
            {hasPermission(user, 'intake.write') && (
              // A button (not a second 「新規受理」 link beside the tab): the counter's shortcut, apart from the filters.
              <Button ml="md" variant="filled" color="blue" onClick={() => void navigate({ to: '/intake/new' })}>
                {t('intake.list.new')}
              </Button>
            )}
          </>
        }
      />
      {exporting.isError && <ErrorAlert error={exporting.error} title={t('intake.export.failed')} />}
      <SavedViews current={filters} canSave={hasFilters(search)} onApply={(view) => onSearchChange(fromSavedQuery(view.query))} />
      {multiUnit && (
        <StatsPanel stats={stats.data} error={stats.error} onPick={(patch) => onSearchChange({ ...search, ...patch, page: undefined })} />
      )}
      <Group justify="space-between" align="center" aria-live="polite">
        <Group gap="md" align="baseline">
          <Text fw={700}>
            {list.isSuccess && t(capped ? 'intake.list.totalCapped' : 'intake.list.total', { n: total.toLocaleString('ja-JP') })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common.jstNote')}
          </Text>
          {/* A sorted search orders the matches the server counted, the newest up to its cap. */}
          {list.isSuccess && capped && search.q && search.sort && (
            <Text size="xs">{t('intake.list.sortedCapped', { n: total.toLocaleString('ja-JP') })}</Text>
          )}
        </Group>
        {hasFilters(search) && (
          <Button variant="subtle" size="compact-sm" onClick={() => onSearchChange({})}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} onRetry={isRetryable(list.error) ? () => void list.refetch() : undefined} />}
      {list.isSuccess && list.data.items.length === 0 && (
        <Text>{hasFilters(search) ? t('intake.list.noMatch') : t('intake.list.empty')}</Text>
      )}
      {list.isSuccess && list.data.items.length > 0 && (
        <Stack gap="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <ResultsTable items={list.data.items} q={search.q} sort={sort} onSort={onSort} />
          <Pager
            page={page}
            pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
            total={total}
            capped={capped}
            pageSize={PAGE_SIZE}
            onChange={(next) => onSearchChange({ ...search, page: next > 1 ? next : undefined })}
          />
        </Stack>
      )}
    </Stack>
  );
}

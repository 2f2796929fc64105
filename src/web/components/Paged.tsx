import { Group, Pagination, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current page of a long list; back to page 1 when the list changes. */
export function usePage<T>(
  items: readonly T[],
  pageSize: number,
): { page: number; setPage: (page: number) => void; rows: readonly T[]; pages: number } {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts again at its first page
  useEffect(() => setPage(1), [items]);
  const current = Math.min(page, pages);
  return { page: current, setPage, rows: items.slice((current - 1) * pageSize, current * pageSize), pages };
}

interface PagerProps {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  /** The total was counted only up to a cap: say 「N 件以上」. */
  capped?: boolean;
  onChange: (page: number) => void;
}

/** 「1〜100 件目を表示（全 N 件）」 and page buttons with accessible names; nothing for a single page. */
export function Pager({ page, pages, total, pageSize, capped, onChange }: PagerProps) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t(capped ? 'common.pagination.rangeCapped' : 'common.pagination.range', {
          from,
          to,
          total: total.toLocaleString('ja-JP'),
        })}
      </Text>
      <nav aria-label={t('common.pagination.label')}>
        <Pagination
          value={page}
          onChange={onChange}
          total={pages}
          size="sm"
          withEdges
          getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        />
      </nav>
    </Group>
  );
}

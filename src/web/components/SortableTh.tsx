import { Table, type TableThProps, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SortOrder = 'asc' | 'desc';
/** Which column a table is ordered by, and which way; null: the list's own order. */
export type SortState = { key: string; order: SortOrder } | null;

/** The next state after a click on `key`: a new column starts ascending, the same one flips. */
export function nextSort(current: SortState, key: string): SortState {
  return current?.key === key ? { key, order: current.order === 'asc' ? 'desc' : 'asc' } : { key, order: 'asc' };
}

interface SortableThProps extends Omit<TableThProps, 'children'> {
  sortKey: string;
  sort: SortState;
  onSort: (next: SortState) => void;
  children: ReactNode;
}

/**
 * A column header people can sort by, the same in every table: a button inside the `<th>` (so
 * keyboards and screen readers reach it), the state on the `<th>` as aria-sort, and the arrow
 * hidden from screen readers (aria-sort already says it).
 */
export function SortableTh({ sortKey, sort, onSort, children, ...th }: SortableThProps) {
  const { t } = useTranslation();
  const order = sort?.key === sortKey ? sort.order : undefined;
  return (
    <Table.Th
      scope="col"
      aria-sort={order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none'}
      style={{ whiteSpace: 'nowrap' }}
      {...th}
    >
      <UnstyledButton onClick={() => onSort(nextSort(sort, sortKey))} title={t('common.sortBy')} fw={700} fz="sm">
        {children}{' '}
        <span aria-hidden="true" style={{ color: order ? undefined : 'var(--mantine-color-dimmed)' }}>
          {order === 'asc' ? '▲' : order === 'desc' ? '▼' : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

import { Table, Text } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useUrlSort } from '../lib/useUrlSort.js';
import { SortableTh, type SortState } from './SortableTh.js';
import { type SortValue, sortRows } from './sortRows.js';

/** One column, declared as data: its header, how a row shows in it, and (if sortable) its sort key. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Present when people may sort by this column: the value rows are ordered by. */
  sortValue?: (row: T) => SortValue;
  /** Dates and codes read better on one line. */
  nowrap?: boolean;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Said when there are no rows, instead of an empty grid. */
  empty: ReactNode;
  caption?: ReactNode;
  /** Horizontal scrolling only below this width (wide tables on narrow screens). */
  minWidth?: number;
  initialSort?: SortState;
  /**
   * Keep the sort in the URL (?sort=&order=), so reload and back/forward keep it. For the one
   * sortable table of a page; otherwise the sort lives as long as the table.
   */
  sortInUrl?: boolean;
}

/**
 * The table every list uses: columns as data, an empty state in words, and sorting by a click on
 * a header (`SortableTh`, announced to screen readers through aria-sort). Sorting is of the rows
 * given; lists that page on the server sort there (with `SortableTh` and the same URL params).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  return props.sortInUrl ? <UrlSortedTable {...props} /> : <LocallySortedTable {...props} />;
}

function UrlSortedTable<T>(props: DataTableProps<T>) {
  const keys = props.columns.filter((c) => c.sortValue).map((c) => c.key);
  const [sort, setSort] = useUrlSort(keys);
  return <SortedTable {...props} sort={sort ?? props.initialSort ?? null} onSort={setSort} />;
}

function LocallySortedTable<T>(props: DataTableProps<T>) {
  const [sort, setSort] = useState<SortState>(props.initialSort ?? null);
  return <SortedTable {...props} sort={sort} onSort={setSort} />;
}

function SortedTable<T>({
  rows,
  columns,
  rowKey,
  empty,
  caption,
  minWidth = 0,
  sort,
  onSort,
}: DataTableProps<T> & { sort: SortState; onSort: (next: SortState) => void }) {
  const sorted = useMemo(() => sortRows(rows, sort, (key) => columns.find((c) => c.key === key)?.sortValue), [rows, columns, sort]);
  if (rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder verticalSpacing="sm">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) =>
              c.sortValue ? (
                <SortableTh key={c.key} sortKey={c.key} sort={sort} onSort={onSort}>
                  {c.header}
                </SortableTh>
              ) : (
                <Table.Th key={c.key} scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {c.header}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c) => (
                <Table.Td key={c.key} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

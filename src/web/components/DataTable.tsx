import { Table, Text, UnstyledButton } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One column, declared as data: its header, how a row shows in it, and (if sortable) its sort key. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Present when people may sort by this column: the value rows are ordered by. */
  sortValue?: (row: T) => string | number | null;
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
  initialSort?: { key: string; direction: 'asc' | 'desc' };
}

type Sort = { key: string; direction: 'asc' | 'desc' } | null;

const collator = new Intl.Collator('ja', { numeric: true });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // blanks last either way
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/**
 * The table every list uses: columns as data, an empty state in words, and sorting by a click on
 * a header (announced to screen readers through aria-sort). Sorting is of the rows given; lists
 * that page on the server sort there and pass one page.
 */
export function DataTable<T>({ rows, columns, rowKey, empty, caption, minWidth = 0, initialSort }: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>(initialSort ?? null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col?.sortValue || !sort) return rows;
    const value = col.sortValue;
    const sign = sort.direction === 'asc' ? 1 : -1;
    return [...rows].sort((x, y) => sign * compare(value(x), value(y)));
  }, [rows, columns, sort]);
  if (rows.length === 0) return <Text c="dimmed">{empty}</Text>;
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' }));
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder verticalSpacing="sm">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const dir = sort?.key === c.key ? sort.direction : undefined;
              return (
                <Table.Th
                  key={c.key}
                  scope="col"
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : c.sortValue ? 'none' : undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.sortValue ? (
                    <UnstyledButton onClick={() => toggle(c.key)} title={t('common.sortBy')} fw={700} fz="sm">
                      {c.header} {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                    </UnstyledButton>
                  ) : (
                    c.header
                  )}
                </Table.Th>
              );
            })}
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

import type { SortState } from './SortableTh.js';

export type SortValue = string | number | null;

const collator = new Intl.Collator('ja', { numeric: true });

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1; // blanks last either way
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/**
 * Rows of a list the browser holds whole, ordered by the sorted column's value; the given order
 * when unsorted or the column is unknown. Blanks stay last, ascending or descending.
 */
export function sortRows<T>(
  rows: readonly T[],
  sort: SortState,
  columnValue: (key: string) => ((row: T) => SortValue) | undefined,
): readonly T[] {
  const value = sort && columnValue(sort.key);
  if (!sort || !value) return rows;
  const sign = sort.order === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const [a, b] = [value(x), value(y)];
    return a === null || b === null ? compare(a, b) : sign * compare(a, b);
  });
}

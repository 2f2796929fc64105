import { useNavigate, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import type { SortState } from '../components/SortableTh.js';

/** `sort` and `order` of the URL, when well-formed and `sort` is one of `keys`. */
export function sortFromSearch(search: Record<string, unknown>, keys?: readonly string[]): SortState {
  const key = typeof search.sort === 'string' ? search.sort : undefined;
  const order = search.order === 'asc' || search.order === 'desc' ? search.order : undefined;
  if (!key || !order || (keys && !keys.includes(key))) return null;
  return { key, order };
}

/**
 * A table's sort kept in the URL (?sort=deadline&order=asc): a reload or a link keeps it, and
 * back and forward step through the orders chosen. Other search params are left as they are.
 */
export function useUrlSort(keys?: readonly string[]): [SortState, (next: SortState) => void] {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const set = useCallback(
    (next: SortState) =>
      void navigate({
        to: '.',
        search: (prev: Record<string, unknown>) => ({ ...prev, sort: next?.key, order: next?.order }),
      } as never),
    [navigate],
  );
  return [sortFromSearch(search, keys), set];
}

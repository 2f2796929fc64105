import {
  escalationState,
  intakeCategory,
  intakeStatus,
  type ListSortKey,
  listSortKeys,
  type SortOrder,
  sortOrders,
} from '../../../../contracts/intake.contracts.js';
import { jstDateToUtcIso, utcIsoToJstDate } from '../../../lib/datetime.js';
import type { ListFilters } from '../api.js';

/**
 * The list's filters as kept in the URL (/intake?category=fraud&from=2026-11-01), so a search
 * can be linked, survives reload, and comes back after opening a record. Days are JST dates.
 */
export interface ListSearch {
  q?: string;
  unitId?: string;
  category?: ListFilters['category'];
  modus?: string;
  status?: ListFilters['status'];
  escalation?: ListFilters['escalation'];
  from?: string;
  to?: string;
  minDamage?: number;
  page?: number;
  /** The column the list is sorted by (on the server); absent: newest received first. */
  sort?: ListSortKey;
  order?: SortOrder;
}

export const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() && value.length <= max ? value.trim() : undefined);
const day = (value: unknown) => (typeof value === 'string' && DAY.test(value) ? value : undefined);
const whole = (value: unknown, min: number) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= min ? n : undefined;
};
function oneOf<K extends string>(keys: readonly K[], value: unknown): K | undefined {
  return keys.find((key) => key === value);
}

/** Whatever the URL holds, only well-formed filters survive (the search is typed by people too). */
export function parseListSearch(search: Record<string, unknown>): ListSearch {
  const parsed: ListSearch = {
    q: text(search.q, 200),
    unitId: text(search.unitId, 64),
    category: oneOf(intakeCategory.keys, search.category),
    modus: text(search.modus, 40),
    status: oneOf(intakeStatus.keys, search.status),
    escalation: oneOf(escalationState.keys, search.escalation),
    from: day(search.from),
    to: day(search.to),
    minDamage: whole(search.minDamage, 0),
    page: whole(search.page, 2),
    sort: oneOf(listSortKeys, search.sort),
  };
  // A direction only with a column to sort by.
  if (parsed.sort) parsed.order = oneOf(sortOrders, search.order) ?? 'asc';
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as ListSearch;
}

/** The API's filters: days become the first and last instant of that JST day. */
export function toApiFilters(search: ListSearch): ListFilters {
  const { page: _page, sort: _sort, order: _order, from, to, ...rest } = search;
  return compact({
    ...rest,
    from: from ? (jstDateToUtcIso(from) ?? undefined) : undefined,
    to: to ? (jstDateToUtcIso(to, { end: true }) ?? undefined) : undefined,
  });
}

/** A saved view's query (API form) back into URL filters. */
export function fromSavedQuery(query: Record<string, unknown>): ListSearch {
  const from = typeof query.from === 'string' ? utcIsoToJstDate(query.from) : undefined;
  const to = typeof query.to === 'string' ? utcIsoToJstDate(query.to) : undefined;
  return parseListSearch({ ...query, from, to });
}

/** Without undefined values, for the API and for comparing filter sets. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export function hasFilters(search: ListSearch): boolean {
  return Object.keys(compact({ ...search, page: undefined, sort: undefined, order: undefined })).length > 0;
}

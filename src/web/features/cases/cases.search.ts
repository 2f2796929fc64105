import { type CaseCategory, type CaseStatus, caseStatus } from '../../../contracts/cases.contracts.js';
import { intakeCategory } from '../../../contracts/intake.contracts.js';

/**
 * The list's URL: ?status=&category=&mine=&page= (the server filters and pages; `mine`: the
 * officer is the lead) and ?sort=&order= (the table sorts the page).
 */
export interface CaseListSearch {
  status?: CaseStatus;
  category?: CaseCategory;
  mine?: boolean;
  page?: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

/** Only well-formed params reach the API: a stale or hand-typed ?status=foo would otherwise fail the list. */
export function parseCaseListSearch(search: Record<string, unknown>): CaseListSearch {
  const out: CaseListSearch = {};
  const status = caseStatus.keys.find((key) => key === search.status);
  if (status) out.status = status;
  const category = intakeCategory.keys.find((key) => key === search.category);
  if (category) out.category = category;
  if (search.mine === true || search.mine === 'true') out.mine = true;
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  if (typeof search.sort === 'string') out.sort = search.sort;
  if (search.order === 'asc' || search.order === 'desc') out.order = search.order;
  return out;
}

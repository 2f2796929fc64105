import type { HomeResponse, WorkSection } from '../../../contracts/home.contracts.js';
import type { Principal } from '../http/http.principal.js';
import { serviceKey } from './module.services.js';

/**
 * Work items: what each domain has waiting for a person (reports past their deadline, requests to
 * decide, calls due). A domain module contributes a provider (`worklist` in module.types.ts);
 * the home domain calls every provider for the signed-in person and the navigation shows the
 * counts. A provider filters in SQL by the person's need-to-know (`readableBy`, the unit a report
 * is addressed to) so its counts never include what the person may not read, and returns no
 * section at all when the person has no permission for that kind of work.
 */
export type WorklistProvider = (principal: Principal, now: Date) => Promise<WorkSection[]>;

/** The providers of every domain, composed in module order (main.ts provides it). */
export const worklistKey = serviceKey<WorklistProvider>('core.worklist');

/** How many items a section lists; its count still says how many there are. */
export const WORK_ITEMS_SHOWN = 5;

export function composeWorklists(providers: readonly WorklistProvider[]): WorklistProvider {
  return async (principal, now) => (await Promise.all(providers.map((p) => p(principal, now)))).flat();
}

/** Navigation counts: per domain, the sum of the sections that wait for the person to act. */
export function worklistCounts(sections: readonly WorkSection[]): Pick<HomeResponse, 'counts' | 'total'> {
  const counts: Record<string, number> = {};
  for (const s of sections) if (s.actionable) counts[s.domain] = (counts[s.domain] ?? 0) + s.count;
  return { counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

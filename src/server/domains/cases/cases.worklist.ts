import type { Kysely } from 'kysely';
import type { WorkSection } from '../../../contracts/home.contracts.js';
import type { Database } from '../../core/db/db.schema.js';
import { WORK_ITEMS_SHOWN, type WorklistProvider } from '../../core/module/module.worklist.js';
import { waitingRequests } from './cases.requests.js';
import { myTasks } from './cases.tasks.js';

/**
 * What cases have waiting for a person (core/module/module.worklist.ts): support requests to their
 * unit still to accept or answer, and their open tasks and their unit's unassigned ones, soonest
 * due first, on cases they may read; danger when one is past its deadline.
 */
export function casesWorklist(db: Kysely<Database>): WorklistProvider {
  return async (p, now) => {
    if (!p.permissions.has('cases.read')) return [];
    const sections: WorkSection[] = [];
    // 受けた依頼 still waiting for this unit: to accept, or to answer.
    const waiting = await waitingRequests(db, p, WORK_ITEMS_SHOWN, now);
    if (waiting.count > 0) {
      sections.push({
        key: 'cases.requests.inbox',
        domain: 'cases',
        label: { ja: '受けた支援要請', en: 'Support requests to my unit' },
        count: waiting.count,
        actionable: true,
        tone: waiting.overdue ? 'danger' : 'warning',
        more: '/cases/requests',
        items: waiting.items.map((r) => ({
          id: r.id,
          title: { ja: `${r.requestNo} ${r.title}`, en: `${r.requestNo} ${r.title}` },
          detail: { ja: `${r.fromUnitName}から`, en: `From ${r.fromUnitName}` },
          link: `/cases/requests/${r.id}`,
          at: r.dueAt,
          atKind: r.dueAt ? 'due' : null,
          tone: r.overdue ? 'danger' : 'neutral',
        })),
      });
    }
    const mine = await myTasks(db, p, { mineOnly: 'false', limit: WORK_ITEMS_SHOWN }, now);
    if (mine.total === 0) return sections;
    const section: WorkSection = {
      key: 'cases.tasks',
      domain: 'cases',
      label: { ja: '自分の捜査事項', en: 'My tasks' },
      count: mine.total,
      actionable: true,
      tone: mine.overdue > 0 ? 'danger' : 'warning',
      more: '/cases/tasks',
      items: mine.items.map((t) => ({
        id: t.id,
        title: { ja: `${t.caseNo} ${t.title}`, en: `${t.caseNo} ${t.title}` },
        detail: t.dueOn
          ? { ja: `期限 ${t.dueOn}${t.overdue ? '（期限超過）' : ''}`, en: `Due ${t.dueOn}${t.overdue ? ' (overdue)' : ''}` }
          : { ja: '期限なし', en: 'No due date' },
        link: `/cases/${t.caseId}#tasks`,
        at: null,
        atKind: null,
        tone: t.overdue ? 'danger' : 'neutral',
      })),
    };
    return [...sections, section];
  };
}

import { caseStatus } from '../../../contracts/cases.contracts.js';
import { defineLifecycle } from '../../core/lifecycle/lifecycle.js';

/**
 * 端緒 → 捜査中 → 送致・検挙 / 打切り → 終結, and 終結 → 捜査中 to reopen. A lead can be dropped
 * before any investigation. Closing needs the result: 検挙人員 and 送致日 after 送致・検挙, the
 * reason after 打切り; closing and reopening are a supervisor's decision (`cases.close`).
 */
export const caseLifecycle = defineLifecycle({
  recordType: 'case',
  states: caseStatus.labels,
  initial: 'lead',
  fields: {
    arrestedCount: { ja: '検挙人員', en: 'the number of people arrested' },
    referredOn: { ja: '送致日', en: 'the date of referral' },
    dropReason: { ja: '打切り理由', en: 'the reason for discontinuing' },
    reason: { ja: '再開の理由', en: 'the reason for reopening' },
  },
  transitions: [
    { from: 'lead', to: 'investigating', permission: 'cases.write' },
    { from: 'lead', to: 'dropped', permission: 'cases.write' },
    { from: 'investigating', to: 'cleared', permission: 'cases.write' },
    { from: 'investigating', to: 'dropped', permission: 'cases.write' },
    { from: 'cleared', to: 'closed', permission: 'cases.close', requires: ['arrestedCount', 'referredOn'] },
    { from: 'dropped', to: 'closed', permission: 'cases.close', requires: ['dropReason'] },
    { from: 'closed', to: 'investigating', permission: 'cases.close', requires: ['reason'] },
  ],
});

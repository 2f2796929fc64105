import { warrantStatus } from '../../../contracts/legal.contracts.js';
import { defineLifecycle } from '../../core/lifecycle/lifecycle.js';

/**
 * 請求 → 発付 (with the day issued and the last day of its period) or 却下; an issued warrant is
 * 執行 (the day executed) or returned unexecuted (未執行返還, with why). All the case team's.
 */
export const warrantLifecycle = defineLifecycle({
  recordType: 'case_warrant',
  states: warrantStatus.labels,
  initial: 'requested',
  fields: {
    issuedOn: { ja: '発付日', en: 'the day issued' },
    expiresOn: { ja: '有効期間の末日', en: 'the last day it is valid' },
    executedOn: { ja: '執行日', en: 'the day executed' },
    reason: { ja: '理由', en: 'the reason' },
  },
  transitions: [
    { from: 'requested', to: 'issued', permission: 'cases.write', requires: ['issuedOn', 'expiresOn'] },
    { from: 'requested', to: 'rejected', permission: 'cases.write', requires: ['reason'] },
    { from: 'issued', to: 'executed', permission: 'cases.write', requires: ['executedOn'] },
    { from: 'issued', to: 'returned', permission: 'cases.write', requires: ['reason'] },
  ],
});

import { legalStatus } from '../../../contracts/legal.contracts.js';
import { defineLifecycle } from '../../core/lifecycle/lifecycle.js';

/**
 * 起案 → 決裁 → 送付 → 回答, or 取下げ before the answer. Approving is a second person's
 * (`cases.legal.approve`, and never the drafter: the `reviewer` party, cases.legal.ts `partiesOf`);
 * it gives the letter its number. Sending and recording the answer are the case team's.
 */
export const legalLifecycle = defineLifecycle({
  recordType: 'legal_process',
  states: legalStatus.labels,
  initial: 'draft',
  fields: {
    sentOn: { ja: '送付日', en: 'the date sent' },
    answer: { ja: '回答の内容', en: 'the answer' },
    reason: { ja: '取下げの理由', en: 'the reason for withdrawing' },
  },
  transitions: [
    { from: 'draft', to: 'approved', permission: 'cases.legal.approve', party: 'reviewer' },
    { from: 'draft', to: 'withdrawn', permission: 'cases.write', requires: ['reason'] },
    { from: 'approved', to: 'sent', permission: 'cases.write', requires: ['sentOn'] },
    { from: 'approved', to: 'withdrawn', permission: 'cases.write', requires: ['reason'] },
    { from: 'sent', to: 'answered', permission: 'cases.write', requires: ['answer'] },
    { from: 'sent', to: 'withdrawn', permission: 'cases.write', requires: ['reason'] },
  ],
});

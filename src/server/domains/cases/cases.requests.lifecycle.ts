import { requestStatus } from '../../../contracts/requests.contracts.js';
import { defineLifecycle } from '../../core/lifecycle/lifecycle.js';

/**
 * 依頼 → 受理 / 辞退 → 対応中 → 回答 → 完了. The unit asked (`handler`) accepts, declines with a
 * reason, and answers; the requesting unit (`requester`) withdraws, completes an answered request,
 * or asks again with a reason (back to 対応中). A unit recording for a party outside Renkei acts
 * for both sides (cases.requests.ts `partiesOf`).
 */
export const requestLifecycle = defineLifecycle({
  recordType: 'support_request',
  states: requestStatus.labels,
  initial: 'requested',
  fields: {
    declineReason: { ja: '辞退の理由', en: 'the reason for declining' },
    answer: { ja: '回答', en: 'the answer' },
    reason: { ja: '理由', en: 'the reason' },
  },
  transitions: [
    { from: 'requested', to: 'accepted', permission: 'cases.read', party: 'handler' },
    { from: 'requested', to: 'declined', permission: 'cases.read', party: 'handler', requires: ['declineReason'] },
    { from: 'requested', to: 'withdrawn', permission: 'cases.write', party: 'requester', requires: ['reason'] },
    { from: 'accepted', to: 'inProgress', permission: 'cases.read', party: 'handler' },
    { from: 'accepted', to: 'answered', permission: 'cases.read', party: 'handler', requires: ['answer'] },
    { from: 'inProgress', to: 'answered', permission: 'cases.read', party: 'handler', requires: ['answer'] },
    { from: 'answered', to: 'completed', permission: 'cases.write', party: 'requester' },
    { from: 'answered', to: 'inProgress', permission: 'cases.write', party: 'requester', requires: ['reason'] },
  ],
});

import { auditGroup } from './audit.group.js';

export const casesAudit = auditGroup({
  domain: 'cases',
  label: { ja: '事件・支援要請', en: 'Cases' },
  actions: {
    'cases.case.create': { ja: '事件・事案の登録', en: 'Case opened', target: 'case' },
    'cases.case.transition': { ja: '事件・事案の状態変更', en: 'Case status changed', target: 'case' },
    'cases.case.update': { ja: '事件・事案の編集', en: 'Case edited', target: 'case' },
    'cases.task.create': { ja: '捜査事項の追加', en: 'Task added to a case', target: 'case' },
    'cases.task.update': { ja: '捜査事項の変更', en: 'Task of a case changed', target: 'case' },
    'cases.task.overdue': { ja: '捜査事項の期限超過', en: 'Task of a case overdue', target: 'case' },
    'cases.task_template.update': { ja: '捜査事項のひな形の変更', en: 'Task checklist changed', target: null },
    'cases.request.create': { ja: '支援要請の送付・受付記録', en: 'Support request sent or recorded', target: 'support_request' },
    'cases.request.transition': { ja: '支援要請の状態変更', en: 'Support request status changed', target: 'support_request' },
    'cases.request.message': { ja: '支援要請への連絡', en: 'Message on a support request', target: 'support_request' },
    'cases.request.overdue': { ja: '支援要請の期限超過', en: 'Support request overdue', target: 'support_request' },
    'cases.request_sla.update': { ja: '支援要請の期限の変更', en: 'Support request deadlines changed', target: null },
    'cases.legal.create': { ja: '照会書・保全要請書の起案', en: 'Letter drafted', target: 'case' },
    'cases.legal.transition': {
      ja: '照会書の決裁・送付・回答・取下げ',
      en: 'Letter approved, sent, answered or withdrawn',
      target: 'case',
    },
    'cases.legal.overdue': { ja: '照会書の回答期限超過', en: 'Letter unanswered past its deadline', target: 'case' },
    'cases.legal.letter': { ja: '照会書の出力（PDF）', en: 'Letter printed (PDF)', target: 'case' },
    'cases.legal_recipient.create': { ja: '照会先の登録', en: 'Letter recipient added', target: null },
    'cases.letter_prefix.update': { ja: '文書記号の設定', en: 'Letter prefix set', target: null },
    'cases.consultation.link': { ja: '相談と事件の関連付け', en: 'Consultation linked to a case', target: 'case' },
  },
});

import { auditGroup } from './audit.group.js';

export const casesAudit = auditGroup({
  domain: 'cases',
  label: { ja: '事件・支援要請', en: 'Cases' },
  actions: {
    'cases.case.create': { ja: '事件・事案の登録', en: 'Case opened', target: 'case' },
    'cases.case.transition': { ja: '事件・事案の状態変更', en: 'Case status changed', target: 'case' },
    'cases.case.update': { ja: '事件・事案の編集', en: 'Case edited', target: 'case' },
    'cases.consultation.link': { ja: '相談と事件の関連付け', en: 'Consultation linked to a case', target: 'case' },
  },
});

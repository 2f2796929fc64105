import { defineErrors } from '../../core/errors/app-error.js';

export const casesErrors = defineErrors({
  // Also the answer for a case the caller may not read: its existence is not revealed.
  'cases.not_found': { status: 404, ja: '事件・事案が見つかりません。', en: 'Case not found.' },
  // Also for a consultation the creator may not read, so a case cannot probe for records.
  'cases.consultation_not_found': {
    status: 400,
    ja: '関連付ける相談記録が見つかりません（{ids}）。',
    en: 'Consultation record(s) to link not found ({ids}).',
  },
  'cases.consultation_record_not_found': { status: 404, ja: '相談記録が見つかりません。', en: 'Consultation record not found.' },
  'cases.lead_not_found': {
    status: 400,
    ja: '主任捜査官に指定した職員が所属に見つかりません。',
    en: 'The lead investigator is not a member of the owning unit.',
  },
  'cases.version_conflict': {
    status: 409,
    ja: 'この事件は他の職員により更新されています。画面を再読み込みしてから操作してください。',
    en: 'Someone else updated this case. Reload it before changing it.',
  },
});

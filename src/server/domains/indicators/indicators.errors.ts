import { defineErrors } from '../../core/errors/app-error.js';

export const indicatorErrors = defineErrors({
  'indicators.not_found': { status: 404, ja: '指標が見つかりません', en: 'Indicator not found' },
  'indicators.warninglist_not_found': { status: 404, ja: '警告リストが見つかりません', en: 'Warning list not found' },
  'indicators.warninglist_invalid': {
    status: 400,
    ja: '{n} 件の項目を読み取れません。行番号を確かめて直してください。',
    en: '{n} entries cannot be read; see the line numbers.',
  },
  'indicators.warninglist_empty': { status: 400, ja: '項目が 1 件もありません。', en: 'The list has no entries.' },
  'indicators.extract_busy': {
    status: 429,
    ja: '抽出を {n} 件実行中です。終わってからもう一度お試しください。',
    en: '{n} extractions of yours are running; try again when they finish.',
  },
  'indicators.warninglist_stale': {
    status: 409,
    ja: 'この警告リストは他の人が先に更新しました。開き直してから編集してください。',
    en: 'Someone else changed this list first; reopen it and edit again.',
  },
});

import { auditGroup } from './audit.group.js';

export const indicatorsAudit = auditGroup({
  domain: 'indicators',
  label: { ja: '指標', en: 'Indicators' },
  actions: {
    'indicators.import': { ja: '指標の取り込み', en: 'Indicators imported', target: 'feed' },
    'indicators.read': { ja: '指標の閲覧（他所属の記録）', en: 'Indicator read (other units\u2019 records)', target: 'indicator' },
    'indicators.rebuild': { ja: '指標の再集計', en: 'Indicators rebuilt', target: 'indicator' },
    'indicators.warninglist.create': { ja: '除外リストの作成', en: 'Warning list created', target: 'warning_list' },
    'indicators.warninglist.update': { ja: '除外リストの変更', en: 'Warning list updated', target: 'warning_list' },
    'indicators.warninglist.delete': { ja: '除外リストの削除', en: 'Warning list deleted', target: 'warning_list' },
  },
});

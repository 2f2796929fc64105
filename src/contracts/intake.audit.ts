import { auditGroup } from './audit.group.js';

export const intakeAudit = auditGroup({
  domain: 'intake',
  label: { ja: '相談受理', en: 'Intake' },
  actions: {
    'intake.consultation.create': { ja: '相談の登録', en: 'Consultation recorded', target: 'consultation' },
    'intake.consultation.update': { ja: '相談の変更', en: 'Consultation updated', target: 'consultation' },
    'intake.consultation.note': { ja: '経過メモの追加', en: 'Note added', target: 'consultation' },
    'intake.consultation.contact': { ja: '相談者への連絡記録', en: 'Contact with complainant recorded', target: 'consultation' },
    'intake.personal.reveal': { ja: '個人情報の表示', en: 'Personal fields revealed', target: 'consultation' },
    'intake.escalation.raise': { ja: 'サイバー課への報告', en: 'Escalated', target: 'consultation' },
    'intake.escalation.acknowledge': { ja: '報告の受理', en: 'Escalation acknowledged', target: 'consultation' },
    'intake.escalation.guidance': { ja: '指導・助言の送付', en: 'Guidance sent', target: 'consultation' },
    'intake.escalation.overdue': { ja: '報告確認の期限超過', en: 'Escalation overdue', target: 'consultation' },
    'intake.followup.remind': { ja: '相談者への経過連絡の催促', en: 'Follow-up reminder', target: 'consultation' },
    'intake.evidence.attach': { ja: '証拠ファイルの添付', en: 'Evidence attached', target: 'consultation' },
    'intake.evidence.download': { ja: '証拠ファイルのダウンロード', en: 'Evidence downloaded', target: 'consultation' },
    'intake.access.request': { ja: '閲覧の申請', en: 'Access requested', target: 'indicator' },
    'intake.import.start': { ja: '相談の一括取り込み開始', en: 'Consultation import started', target: 'consultation' },
    'intake.import': { ja: '相談の一括取り込み', en: 'Consultations imported', target: 'consultation' },
    'intake.export': { ja: '相談の出力', en: 'Consultations exported', target: 'consultation' },
    'intake.modus.create': { ja: '手口の追加', en: 'Modus added', target: 'modus' },
    'intake.modus.update': { ja: '手口の変更', en: 'Modus updated', target: 'modus' },
    'intake.rule.update': { ja: '報告基準の変更', en: 'Escalation rule updated', target: 'escalation_rule' },
    'intake.view.save': { ja: '検索条件の保存', en: 'Saved view stored', target: 'saved_view' },
    'intake.view.delete': { ja: '検索条件の削除', en: 'Saved view deleted', target: 'saved_view' },
  },
});

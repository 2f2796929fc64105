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
  'cases.task_not_found': { status: 404, ja: '捜査事項が見つかりません。', en: 'Task not found.' },
  'cases.task_edit_forbidden': {
    status: 403,
    ja: '捜査事項を追加・編集できるのは事件の担当所属です。',
    en: 'Only the unit that owns the case adds and edits its tasks.',
  },
  'cases.task_progress_forbidden': {
    status: 403,
    ja: '捜査事項の状態を変更できるのは担当者と事件の担当所属です。',
    en: 'Only whoever the task is for, or the unit that owns the case, changes its status.',
  },
  'cases.task_version_conflict': {
    status: 409,
    ja: 'この捜査事項は他の職員により更新されています。画面を再読み込みしてから操作してください。',
    en: 'Someone else updated this task. Reload it before changing it.',
  },
  // The person or unit must be able to open the case, or the task would point at a page they cannot read.
  'cases.assignee_cannot_read': {
    status: 400,
    ja: '指定した担当者・担当所属はこの事件を閲覧できません。先に事件を共有してください。',
    en: 'That person or unit cannot read this case. Share the case with them first.',
  },
  'cases.task_due_before_open': {
    status: 400,
    ja: '期限が事件の登録日（{opened}）より前です。',
    en: 'The due date is before the case was opened ({opened}).',
  },
  'cases.no_task_template': {
    status: 400,
    ja: 'この手口（{modus}）の捜査事項のひな形がありません。',
    en: 'There is no task checklist for this modus ({modus}).',
  },
  // Also the answer for a request the caller may not read: its existence is not revealed.
  'cases.request_not_found': { status: 404, ja: '支援要請が見つかりません。', en: 'Support request not found.' },
  'cases.request_unit_invalid': {
    status: 400,
    ja: '依頼先・依頼元の所属が正しくありません（自所属、存在しない所属、Renkei を使う所属からの受付記録はできません）。',
    en: 'The unit is not valid (not your own unit, one that exists, and for a received request one outside Renkei).',
  },
  'cases.request_international_fields': {
    status: 400,
    ja: '国際捜査共助には相手国と経路（ICPO・24時間コンタクトポイント・MLAT）が必要です。',
    en: 'International assistance needs the country and the channel (ICPO, 24/7 network, MLAT).',
  },
  'cases.request_version_conflict': {
    status: 409,
    ja: 'この支援要請は他の職員により更新されています。画面を再読み込みしてから操作してください。',
    en: 'Someone else updated this request. Reload it before changing it.',
  },
  'cases.request_not_party': {
    status: 403,
    ja: '連絡を書き込めるのは依頼元と依頼先の所属です。',
    en: 'Only the requesting unit and the unit asked write on a request.',
  },
  'cases.legal_not_found': { status: 404, ja: '照会書・保全要請書が見つかりません。', en: 'Letter not found.' },
  'cases.legal_edit_forbidden': {
    status: 403,
    ja: '照会書を起案・送付できるのは事件の担当所属です。',
    en: 'Only the unit that owns the case drafts and sends its letters.',
  },
  'cases.legal_own_approval': {
    status: 403,
    ja: '起案者本人は決裁できません。所属の決裁権者に決裁を依頼してください。',
    en: 'The drafter cannot approve their own letter: ask an approver of the unit.',
  },
  'cases.legal_other_unit': {
    status: 403,
    ja: '決裁できるのは起案した所属の決裁権者です。',
    en: 'Only an approver of the drafting unit approves its letters.',
  },
  'cases.legal_version_conflict': {
    status: 409,
    ja: 'この照会書は他の職員により更新されています。画面を再読み込みしてから操作してください。',
    en: 'Someone else updated this letter. Reload it before changing it.',
  },
  'cases.recipient_not_found': { status: 400, ja: '照会先が登録されていません。', en: 'The recipient is not in the registry.' },
  'cases.recipient_bank_unknown': {
    status: 400,
    ja: '金融機関コード {code} の金融機関が見つかりません。',
    en: 'No bank has the code {code}.',
  },
  'cases.member_not_found': {
    status: 400,
    ja: '捜査班員に加えられる職員が見つかりません（無効な職員、または事件を閲覧する権限のない利用者です）。',
    en: 'No such active officer who may read cases.',
  },
  'cases.member_exists': { status: 409, ja: 'この職員はすでに捜査班員です。', en: 'This officer is already on the team.' },
  'cases.member_owning_unit': {
    status: 400,
    ja: '担当所属の職員は捜査班員として加えなくても事件を閲覧できます。',
    en: 'Officers of the owning unit read the case already.',
  },
  'cases.member_absent': { status: 404, ja: 'この職員は捜査班員ではありません。', en: 'This officer is not on the team.' },
  'cases.note_forbidden': {
    status: 403,
    ja: '捜査メモを記録できるのは担当所属と捜査班員です。',
    en: 'Only the owning unit and the team record notes.',
  },
  'cases.warrant_not_found': { status: 404, ja: '令状が見つかりません。', en: 'Warrant not found.' },
  'cases.warrant_version_conflict': {
    status: 409,
    ja: 'この令状は他の職員により更新されています。画面を再読み込みしてから操作してください。',
    en: 'Someone else updated this warrant. Reload it before changing it.',
  },
  'cases.warrant_dates': {
    status: 400,
    ja: '令状の日付が前後しています（請求日は今日まで、発付日は請求日以降、有効期間の末日は発付日以降、執行日は有効期間内）。',
    en: 'The warrant’s dates contradict each other (requested by today, issued after the request, valid until after issue, executed within the period).',
  },
});

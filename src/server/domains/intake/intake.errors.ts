import { defineErrors } from '../../core/errors/app-error.js';

export const intakeErrors = defineErrors({
  'intake.not_found': { status: 404, ja: '相談記録が見つかりません。', en: 'Consultation record not found.' },
  'intake.reveal_not_granted': {
    status: 403,
    ja: 'この記録は閲覧・検索のために共有されています。個人情報の表示は共有で許可されていません。必要な場合は記録の所属またはサイバー犯罪対策課に依頼してください。',
    en: 'This record was shared with your unit to read and search; the share does not allow revealing personal data. Ask the owning unit or the Cybercrime Division if you need it.',
  },
  'intake.version_conflict': {
    status: 409,
    ja: 'この記録は他の職員により更新されています。画面を再読み込みしてから編集してください。',
    en: 'Someone else updated this record. Reload it before editing.',
  },
  'intake.unknown_modus': { status: 400, ja: '手口「{modus}」は登録されていません。', en: 'Unknown modus "{modus}".' },
  'intake.victim_required': {
    status: 400,
    ja: '相談者と被害者が異なる場合は被害者を入力してください。',
    en: 'Enter the victim when they differ from the complainant.',
  },
  'intake.dates_order': { status: 400, ja: '{field}が受理日時より後になっています。', en: '{field} is after the time of receipt.' },
  'intake.escalation_not_found': { status: 404, ja: '報告が見つかりません。', en: 'Escalation not found.' },
  'intake.escalation_state': {
    status: 409,
    ja: 'この報告は既に{state}です。',
    en: 'This escalation is already {state}.',
  },
  'intake.no_escalation_unit': {
    status: 409,
    ja: '報告先（サイバー犯罪対策課）の所属が設定されていません。管理者に連絡してください。',
    en: 'No escalation unit is configured.',
  },
  'intake.already_escalated': { status: 409, ja: 'この記録は既に報告中です。', en: 'This record is already escalated.' },
  'intake.modus_exists': { status: 409, ja: '手口コード「{code}」は既に使われています。', en: 'Modus code "{code}" already exists.' },
  'intake.rule_not_found': { status: 404, ja: '報告基準が見つかりません。', en: 'Escalation rule not found.' },
  'intake.empty_file': { status: 400, ja: '空のファイルは添付できません。', en: 'The file is empty.' },
  'intake.file_not_found': { status: 404, ja: '添付ファイルが見つかりません。', en: 'Attachment not found.' },
  'intake.csv_encoding': {
    status: 400,
    ja: 'ファイルの文字コードを判別できません。UTF-8 または Shift_JIS の CSV を指定してください。',
    en: 'Unrecognised encoding: use a UTF-8 or Shift_JIS CSV file.',
  },
  'intake.csv_malformed': {
    status: 400,
    ja: 'CSV の {line} 行目の形式が正しくありません（引用符の対応など）。',
    en: 'CSV line {line} is malformed.',
  },
  'intake.csv_empty': { status: 400, ja: 'CSV に見出し行とデータ行がありません。', en: 'The CSV has no header and data rows.' },
  'intake.csv_too_many': { status: 400, ja: '一度に取り込めるのは {max} 行までです。', en: 'At most {max} rows per import.' },
  'intake.csv_unknown_column': {
    status: 400,
    ja: '対応付けた列「{column}」が CSV にありません。',
    en: 'Mapped column(s) not in the CSV: {column}.',
  },
  'intake.import_aborted': {
    status: 409,
    ja: '取り込みが長く中断したため取り消されました。もう一度取り込んでください。',
    en: 'The import stalled too long and was discarded; import the file again.',
  },
  'intake.import_invalid': {
    status: 400,
    ja: '{rows} 行に誤りがあるため取り込みませんでした。誤りを直すか、誤りのある行を除いて取り込んでください。',
    en: '{rows} row(s) have errors; nothing was imported.',
  },
  'intake.export_too_large': {
    status: 400,
    ja: '出力件数が上限（{max} 件）を超えています。条件を絞り込んでください。',
    en: 'More than {max} records: narrow the filters.',
  },
  'intake.nothing_to_request': {
    status: 400,
    ja: 'この指標について閲覧を依頼できる他所属の記録はありません。',
    en: 'No records in other units to request for this indicator.',
  },
  'intake.unit_not_found': { status: 400, ja: '共有先の所属が見つかりません。', en: 'Unit not found.' },
  'intake.access_already_requested': {
    status: 409,
    ja: 'この指標の閲覧は、あなたの所属から {at} に依頼済みです。サイバー課の対応をお待ちください。',
    en: 'Your unit already asked for access to this indicator at {at}. The cyber division will respond.',
  },
  'intake.already_shared': { status: 409, ja: 'この記録は既に{unit}と共有されています。', en: 'Already shared with {unit}.' },
  'intake.access_request_not_found': { status: 404, ja: '閲覧依頼が見つかりません。', en: 'Access request not found.' },
  'intake.access_request_decided': {
    status: 409,
    ja: 'この閲覧依頼は既に判断済みです。画面を更新してください。',
    en: 'This access request has already been decided. Reload the page.',
  },
  'intake.access_request_records': {
    status: 400,
    ja: '選択した記録の中に、この依頼の対象でないもの、または既に共有済みのものがあります。',
    en: 'Some chosen records are not part of this request or are already shared.',
  },
  'intake.view_not_found': { status: 404, ja: '保存した条件が見つかりません。', en: 'Saved view not found.' },
});

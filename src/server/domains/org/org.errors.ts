import { defineErrors } from '../../core/errors/app-error.js';

export const orgErrors = defineErrors({
  'org.unit_not_found': { status: 404, ja: '所属が見つかりません', en: 'Unit not found' },
  'org.unit_code_taken': { status: 409, ja: '所属コード「{code}」は既に使われています', en: 'Unit code {code} is already in use' },
  'org.unit_cycle': { status: 400, ja: '上位所属の指定が循環しています', en: 'The parent unit would create a cycle' },
  'org.user_not_found': { status: 404, ja: '職員が見つかりません', en: 'User not found' },
  'org.login_id_taken': { status: 409, ja: 'ログインID「{loginId}」は既に使われています', en: 'Login ID {loginId} is already in use' },
  'org.last_admin': {
    status: 409,
    ja: '最後のシステム管理者を無効化・変更することはできません',
    en: 'The last system administrator cannot be disabled or changed',
  },
});

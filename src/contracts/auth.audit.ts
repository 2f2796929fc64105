import { auditGroup } from './audit.group.js';

export const authAudit = auditGroup({
  domain: 'auth',
  label: { ja: 'ログイン・認証', en: 'Sign-in' },
  actions: {
    'auth.login': { ja: 'ログイン', en: 'Login', target: 'user' },
    'auth.logout': { ja: 'ログアウト', en: 'Logout', target: 'user' },
    'auth.logout_all': { ja: '全端末からログアウト', en: 'Logout everywhere', target: 'user' },
    'auth.session_revoke': { ja: 'セッション無効化', en: 'Session revoked', target: 'session' },
    'auth.password_change': { ja: 'パスワード変更', en: 'Password changed', target: 'user' },
    'auth.lockout': { ja: 'アカウントロック', en: 'Account locked', target: 'user' },
    'auth.mfa_setup': { ja: '二要素認証の登録開始', en: 'MFA enrolment started', target: 'user' },
    'auth.mfa_enable': { ja: '二要素認証の登録', en: 'MFA enabled', target: 'user' },
    'auth.mfa_reset': { ja: '二要素認証の初期化', en: 'MFA reset', target: 'user' },
    'auth.recovery_code_use': { ja: 'リカバリーコード使用', en: 'Recovery code used', target: 'user' },
    'auth.token_create': { ja: 'APIトークン発行', en: 'API token created', target: 'api_token' },
    'auth.token_revoke': { ja: 'APIトークン失効', en: 'API token revoked', target: 'api_token' },
  },
});

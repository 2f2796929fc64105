import { defineErrors } from '../../core/errors/app-error.js';

export const authErrors = defineErrors({
  'auth.invalid_credentials': {
    status: 401,
    // One answer for a wrong password, an unknown account and a locked one: nothing to enumerate.
    ja: 'ログインIDまたはパスワードが正しくありません（続けて失敗すると一定時間ログインできなくなります）',
    en: 'The login ID or password is incorrect (repeated failures lock the account for a while)',
  },
  'auth.totp_invalid': {
    status: 401,
    ja: '確認コードが正しくないか、既に使用されています',
    en: 'The verification code is wrong or was already used',
  },
  'auth.challenge_expired': {
    status: 401,
    ja: 'ログインの有効時間が過ぎました。最初からやり直してください。',
    en: 'The login attempt expired. Start again.',
  },
  'auth.password_too_short': {
    status: 400,
    ja: 'パスワードは{min}文字以上にしてください',
    en: 'The password must be at least {min} characters',
  },
  'auth.password_same_as_login': {
    status: 400,
    ja: 'ログインIDを含むパスワードは使用できません',
    en: 'The password must not contain the login ID',
  },
  'auth.password_weak': {
    status: 400,
    ja: '推測されやすいパスワードです（よく使われる語や名前、同じ文字の繰り返し、キーボードの並びなど）。別のパスワードにしてください',
    en: 'The password is easy to guess (a common word or name, repetition, a keyboard pattern). Choose another',
  },
  'auth.password_reused': {
    status: 400,
    ja: '直近{n}回に使用したパスワードは使用できません',
    en: 'You cannot reuse any of your last {n} passwords',
  },
  'auth.password_wrong_current': {
    status: 400,
    ja: '現在のパスワードが正しくありません',
    en: 'The current password is incorrect',
  },
  'auth.reauth_locked': {
    status: 429,
    ja: '続けて認証に失敗したため、アカウントが一時的にロックされています。しばらくしてからやり直してください',
    en: 'Too many failed attempts: the account is locked for a while. Try again later',
  },
  'auth.reauth_password_required': {
    status: 400,
    ja: '本人確認のため、現在のパスワードを入力してください',
    en: 'Enter your current password to confirm it is you',
  },
  'auth.reauth_code_required': {
    status: 400,
    ja: '二要素認証の確認コード（またはリカバリーコード）を入力してください',
    en: 'Enter your verification code (or a recovery code)',
  },
  'auth.token_target_not_partner': {
    status: 400,
    ja: '他の人のためにAPIトークンを発行できるのは連携先（機械）アカウントだけです。職員は自分で再認証して発行します',
    en: 'Tokens can be issued for someone else only to partner (machine) accounts; people issue their own after signing in again',
  },
  'auth.mfa_not_pending': {
    status: 409,
    ja: '二要素認証の登録手続きが開始されていません。最初からやり直してください。',
    en: 'No two-factor enrolment is in progress. Start again.',
  },
  'auth.token_scope_invalid': {
    status: 400,
    ja: '付与できない権限が含まれています: {scope}',
    en: 'The token asks for a permission that cannot be granted: {scope}',
  },
  'auth.not_found': {
    status: 404,
    ja: '指定されたものが見つかりません',
    en: 'Not found',
  },
});

import { defineErrors } from '../../core/errors/app-error.js';

export const authErrors = defineErrors({
  'auth.invalid_credentials': {
    status: 401,
    ja: 'ログインIDまたはパスワードが正しくありません',
    en: 'The login ID or password is incorrect',
  },
});

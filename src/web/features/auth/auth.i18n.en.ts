import type { Widen } from '../../i18n/types.js';
import type { authJa } from './auth.i18n.ja.js';

/** ログイン strings (English). Keys mirror auth.i18n.ja.ts. */
export const authEn: Widen<typeof authJa> = {
  auth: {
    loginId: 'Login ID',
    password: 'Password',
    submit: 'Log in',
    required: 'Enter your {{field}}',
    logout: 'Log out',
    loginFailed: 'Could not log in',
    logoutFailed: 'Could not log out',
    totpTitle: 'Two-factor authentication',
    totpIntro: 'Enter the 6-digit code shown in your authenticator app.',
    recoveryIntro: 'Enter one of your recovery codes. A used code cannot be used again.',
    totpCode: 'Verification code (6 digits)',
    recoveryCode: 'Recovery code',
    totpFormat: 'Enter the 6 digits',
    recoveryFormat: 'Enter a valid recovery code (e.g. abcd-efgh-ijkl)',
    useRecovery: 'Use a recovery code',
    useTotp: 'Use a code from the authenticator app',
    verify: 'Verify',
    backToLogin: 'Back to login ID and password',
  },
};

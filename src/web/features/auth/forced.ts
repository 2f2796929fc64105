import type { Me } from '../../../contracts/auth.contracts.js';

/** Pages a user is held on until an obligation is met; nothing else opens meanwhile. */
export type ForcedPath = '/account/password' | '/account/mfa';

/** The password change comes first (it follows an administrator's reset), then MFA enrolment. */
export function forcedPath(user: Pick<Me, 'mustChangePassword' | 'mfaEnrolmentRequired'>): ForcedPath | null {
  if (user.mustChangePassword) return '/account/password';
  if (user.mfaEnrolmentRequired) return '/account/mfa';
  return null;
}

/** 403 codes meaning "the session changed state": re-read /api/auth/me and follow it. */
export const forcedErrorCodes: ReadonlySet<string> = new Set(['auth.password_change_required', 'auth.mfa_enrolment_required']);

/** Path without a trailing slash, for comparing with a ForcedPath. */
export function normalisePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

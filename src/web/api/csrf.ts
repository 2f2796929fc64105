/**
 * CSRF token from the last SessionInfo (login or GET /api/auth/me). Kept in memory only:
 * a reload fetches /api/auth/me again, which returns a fresh token.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

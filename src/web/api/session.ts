import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '../../contracts/auth.contracts.js';
import { authEndpoints } from '../../contracts/auth.endpoints.js';
import { clearAllDrafts } from '../lib/drafts.js';
import { call } from './client.js';
import { setCsrfToken } from './csrf.js';
import { isApiError } from './errors.js';

export const sessionQueryKey = ['auth', 'session'] as const;

/** GET /api/auth/me: the session, or null when not logged in (401). Other failures throw. */
async function fetchSession(signal: AbortSignal): Promise<SessionInfo | null> {
  try {
    const session = await call(authEndpoints.me, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // Logged out or expired: what this browser kept for the last user goes too.
      setCsrfToken(null);
      clearAllDrafts();
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: ({ signal }) => fetchSession(signal),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Current session from the cache (the app layout loads it before rendering). */
export function useSession(): SessionInfo | null | undefined {
  return useQuery(sessionQueryOptions).data;
}

/** Record a fresh session (after login) or its end (after logout). */
export function storeSession(queryClient: QueryClient, session: SessionInfo | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  if (!session) clearAllDrafts();
  // Nothing cached under the previous user may leak into the next one.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, session);
}

/**
 * Replace the session after the server rotated it (password change) without dropping other
 * cached data: the user is the same, only the token and flags changed.
 */
export function updateSession(queryClient: QueryClient, session: SessionInfo): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Where to go after login: only same-origin absolute paths are accepted (no open redirect). */
export function safeRedirectPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  if (value.startsWith('/login') || value.includes('\\')) return undefined;
  return value;
}

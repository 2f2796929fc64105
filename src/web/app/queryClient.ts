import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.js';
import { announceSuccess } from '../api/mutation.js';
import { sessionQueryKey } from '../api/session.js';
import { forcedErrorCodes } from '../features/auth/index.js';
import { homeKeys } from '../features/shell/index.js';

export function createQueryClient(): QueryClient {
  /**
   * A 401 means the session expired — except from the login steps (wrong password, wrong code) and
   * from /me itself (which answers null for it): re-check it, the layout then goes to /login.
   * A 403 saying a password change or MFA enrolment is due: re-read /me, the layout then moves to
   * the page that settles it.
   */
  const onError = (error: unknown) => {
    if (!isApiError(error)) return;
    const loginFlow = error.path.startsWith('/api/auth/login') || error.path === '/api/auth/me';
    const expired = error.status === 401 && !loginFlow;
    const obligation = error.status === 403 && forcedErrorCodes.has(error.code);
    if (expired || obligation) void client.invalidateQueries({ queryKey: sessionQueryKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    // Every successful action is announced in a toast (api/mutation.ts) and the menu's counts re-read.
    mutationCache: new MutationCache({
      onError,
      onSuccess: (data, variables, _context, mutation) => {
        announceSuccess(data, variables, mutation);
        void client.invalidateQueries({ queryKey: homeKeys.all });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors (4xx) will not fix themselves; retry once on network or server errors.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 1,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export const queryClient = createQueryClient();

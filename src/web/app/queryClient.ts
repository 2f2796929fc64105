import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.js';
import { sessionQueryKey } from '../features/auth/session.js';

function createQueryClient(): QueryClient {
  /** A 401 outside /api/auth/ means the session expired: re-check it, the layout then goes to /login. */
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && !error.path.startsWith('/api/auth/')) {
      void client.invalidateQueries({ queryKey: sessionQueryKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { isApiError } from '../../api/errors.js';
import { storeSession } from '../../api/session.js';
import { logout } from '../auth/index.js';

/** POST /api/auth/logout, then forget the session locally and go to /login. */
export function useLogout() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const finish = async () => {
    storeSession(queryClient, null);
    await router.navigate({ to: '/login' });
  };
  return useMutation({
    mutationFn: logout,
    meta: { success: false },
    onSuccess: finish,
    onError: async (error) => {
      // Already logged out on the server (401): nothing left to end, so finish locally.
      if (isApiError(error) && error.status === 401) await finish();
    },
  });
}

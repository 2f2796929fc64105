import type { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRoute, redirect } from '@tanstack/react-router';
import { safeRedirectPath, sessionQueryOptions } from '../../api/session.js';
import { LoginPage } from './LoginPage.js';

/** /login, outside the logged-in layout. Loaded with the app: it is the first page most people see. */
export function authRoutes(root: AnyRoute): AnyRoute[] {
  const login = createRoute({
    getParentRoute: () => root,
    path: '/login',
    validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
      const target = safeRedirectPath(search.redirect);
      return target ? { redirect: target } : {};
    },
    beforeLoad: async ({ context, search }) => {
      // Already logged in: skip the form. If the server cannot be reached, show the form anyway.
      const session = await (context as { queryClient: QueryClient }).queryClient.ensureQueryData(sessionQueryOptions).catch(() => null);
      if (session) throw redirect({ href: search.redirect ?? '/' });
    },
    component: function LoginRoute() {
      const { redirect: target } = login.useSearch();
      return <LoginPage redirectTo={target} />;
    },
  });
  return [login];
}

import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, type RouterHistory, redirect } from '@tanstack/react-router';
import { safeRedirectPath, sessionQueryOptions } from '../api/session.js';
import { PageLoader } from '../components/PageLoader.js';
import { forcedPath, normalisePath } from '../features/auth/index.js';
import { AppLayout, NotFoundPage, NotReadyPage, SessionErrorPage } from '../features/shell/index.js';
import type { WebFeature } from '../lib/feature.js';
import { features, navigation } from './features.js';
import { queryClient } from './queryClient.js';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Pathless layout for everything behind login. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions);
    if (!session) {
      const target = safeRedirectPath(location.href);
      throw redirect({ to: '/login', search: target && target !== '/' ? { redirect: target } : {} });
    }
    // A temporary password or a missing second factor holds the user on one page.
    const forced = forcedPath(session.user);
    if (forced && normalisePath(location.pathname) !== forced) throw redirect({ to: forced, replace: true });
  },
  component: () => <AppLayout navigation={navigation} />,
  pendingComponent: PageLoader,
  errorComponent: ({ error }) => <SessionErrorPage error={error} />,
});

/** Domains no feature builds yet: a route each, showing only 「準備中」. */
const notReadyRoutes = navigation
  .filter((item) => !item.ready)
  .map(({ domain }) =>
    createRoute({ getParentRoute: () => appRoute, path: domain.path, component: () => <NotReadyPage domain={domain} /> }),
  );

const list: readonly WebFeature[] = features;

export const routeTree = rootRoute.addChildren([
  ...list.flatMap((feature) => feature.publicRoutes?.(rootRoute) ?? []),
  appRoute.addChildren([...list.flatMap((feature) => feature.routes?.(appRoute) ?? []), ...notReadyRoutes]),
]);

/** The app's router; tests build their own over a memory history and a fresh cache. */
export function createAppRouter(options: { queryClient: QueryClient; history?: RouterHistory }) {
  return createRouter({
    routeTree,
    context: { queryClient: options.queryClient },
    ...(options.history ? { history: options.history } : {}),
    defaultPreload: 'intent',
    // Loaders read through React Query, which does its own caching.
    defaultPreloadStaleTime: 0,
    // Lazily loaded pages suspend inside their route; show the loader meanwhile.
    defaultPendingComponent: PageLoader,
    scrollRestoration: true,
  });
}

export const router = createAppRouter({ queryClient });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

import type { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRoute, type RouteComponent, redirect } from '@tanstack/react-router';
import type { SessionInfo } from '../../contracts/auth.contracts.js';
import type { Permission } from '../../contracts/permissions.contracts.js';
import { sessionQueryKey } from '../api/session.js';
import { RequirePermission } from '../components/RequirePermission.js';
import { preloadPages } from './lazyPage.js';
import { hasPermission } from './permissions.js';

interface TabbedRoutesOptions<K extends string> {
  /** The domain's path, e.g. /admin; each tab is /admin/<key>. */
  path: string;
  /** The layout around the tabs (usually a TabbedLayout); loaded lazily. */
  layout: RouteComponent;
  /** In display order; the first one the user may open is where the bare path leads. */
  tabs: readonly K[];
  permission: Record<K, Permission>;
  /** One page per tab, loaded lazily (lazyRouteComponent). */
  pages: Record<K, RouteComponent>;
}

/**
 * A domain with tabs as nested routes: /<path>/<tab>, each behind its permission. The bare path
 * and the former /<path>?tab=<key> links redirect to the tab, so old bookmarks keep working.
 */
export function tabbedRoutes<K extends string>(parent: AnyRoute, { path, layout, tabs, permission, pages }: TabbedRoutesOptions<K>) {
  const isTab = (value: unknown): value is K => typeof value === 'string' && (tabs as readonly string[]).includes(value);
  const layoutRoute = createRoute({ getParentRoute: () => parent, path, component: layout });
  const indexRoute = createRoute({
    getParentRoute: () => layoutRoute,
    path: '/',
    validateSearch: (search: Record<string, unknown>): { tab?: K } => (isTab(search.tab) ? { tab: search.tab } : {}),
    beforeLoad: ({ context, search }) => {
      // The logged-in layout has loaded the session before any child route runs.
      const user = (context as { queryClient: QueryClient }).queryClient.getQueryData<SessionInfo | null>(sessionQueryKey)?.user;
      const target = search.tab ?? tabs.find((tab) => hasPermission(user, permission[tab]));
      if (target) throw redirect({ href: `${path}/${target}`, replace: true });
    },
    // No tab the user may open: the layout shows the no-permission notice.
    component: () => null,
  });
  const tabRoutes = tabs.map((tab) => {
    const Page: RouteComponent = pages[tab];
    return createRoute({
      getParentRoute: () => layoutRoute,
      path: tab,
      loader: preloadPages(Page),
      component: () => (
        <RequirePermission permission={permission[tab]}>
          <Page />
        </RequirePermission>
      ),
    });
  });
  return layoutRoute.addChildren([indexRoute, ...tabRoutes]);
}

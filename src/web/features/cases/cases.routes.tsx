import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { useMemo } from 'react';
import { RequirePermission } from '../../components/RequirePermission.js';
import { preloadPages } from '../../lib/lazyPage.js';
import { type CaseListSearch, parseCaseListSearch } from './cases.search.js';

// Each page is its own chunk, fetched when its route is first opened (or a link to it hovered).
const CaseListPage = lazyRouteComponent(() => import('./CaseListPage.js'), 'CaseListPage');
const CaseDetailPage = lazyRouteComponent(() => import('./CaseDetailPage.js'), 'CaseDetailPage');
const MyTasksPage = lazyRouteComponent(() => import('./MyTasksPage.js'), 'MyTasksPage');
const RequestsPage = lazyRouteComponent(() => import('./RequestsPage.js'), 'RequestsPage');
const RequestDetailPage = lazyRouteComponent(() => import('./RequestDetailPage.js'), 'RequestDetailPage');
const TaskTemplatesPage = lazyRouteComponent(() => import('./TaskTemplatesPage.js'), 'TaskTemplatesPage');

/**
 * 事件・支援要請: 事件一覧 at /cases (status and page in the URL), 自分の捜査事項 at /cases/tasks,
 * 支援要請 at /cases/requests (one at /cases/requests/$id), 捜査事項のひな形 at /cases/templates,
 * one case at /cases/$id.
 */
export function casesRoutes(app: AnyRoute): AnyRoute[] {
  const list = createRoute({
    getParentRoute: () => app,
    path: '/cases',
    validateSearch: (search: Record<string, unknown>): CaseListSearch => parseCaseListSearch(search),
    loader: preloadPages(CaseListPage),
    component: function CaseListRoute() {
      const raw = list.useSearch();
      const search = useMemo(() => parseCaseListSearch(raw), [raw]);
      const navigate = list.useNavigate();
      return (
        <RequirePermission permission="cases.read">
          <CaseListPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
        </RequirePermission>
      );
    },
  });
  const detail = createRoute({
    getParentRoute: () => app,
    path: '/cases/$id',
    loader: preloadPages(CaseDetailPage),
    component: function CaseDetailRoute() {
      const { id } = detail.useParams();
      // Keyed: another case is another page (a half-filled status form must not carry over).
      return (
        <RequirePermission permission="cases.read">
          <CaseDetailPage key={id} id={id} />
        </RequirePermission>
      );
    },
  });
  const myTasks = createRoute({
    getParentRoute: () => app,
    path: '/cases/tasks',
    loader: preloadPages(MyTasksPage),
    component: () => (
      <RequirePermission permission="cases.read">
        <MyTasksPage />
      </RequirePermission>
    ),
  });
  const requests = createRoute({
    getParentRoute: () => app,
    path: '/cases/requests',
    loader: preloadPages(RequestsPage),
    component: () => (
      <RequirePermission permission="cases.read">
        <RequestsPage />
      </RequirePermission>
    ),
  });
  const request = createRoute({
    getParentRoute: () => app,
    path: '/cases/requests/$id',
    loader: preloadPages(RequestDetailPage),
    component: function RequestRoute() {
      const { id } = request.useParams();
      return (
        <RequirePermission permission="cases.read">
          <RequestDetailPage key={id} id={id} />
        </RequirePermission>
      );
    },
  });
  const templates = createRoute({
    getParentRoute: () => app,
    path: '/cases/templates',
    loader: preloadPages(TaskTemplatesPage),
    component: () => (
      <RequirePermission permission="intake.settings.manage">
        <TaskTemplatesPage />
      </RequirePermission>
    ),
  });
  return [list, myTasks, requests, request, templates, detail];
}

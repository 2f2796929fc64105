import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { useMemo } from 'react';
import { RequirePermission } from '../../components/RequirePermission.js';
import { preloadPages } from '../../lib/lazyPage.js';
import { type ListSearch, parseListSearch } from './list/filters.js';

// Each page is its own chunk, fetched when its route is first opened (or a link to it hovered).
const IntakeLayout = lazyRouteComponent(() => import('./IntakeLayout.js'), 'IntakeLayout');
const IntakeListPage = lazyRouteComponent(() => import('./list/IntakeListPage.js'), 'IntakeListPage');
const NewConsultationPage = lazyRouteComponent(() => import('./form/NewConsultationPage.js'), 'NewConsultationPage');
const EscalationQueuePage = lazyRouteComponent(() => import('./escalations/EscalationQueuePage.js'), 'EscalationQueuePage');
const ImportPage = lazyRouteComponent(() => import('./import/ImportPage.js'), 'ImportPage');
const IntakeSettingsPage = lazyRouteComponent(() => import('./settings/IntakeSettingsPage.js'), 'IntakeSettingsPage');
const AccessRequestsPage = lazyRouteComponent(() => import('./access/AccessRequestsPage.js'), 'AccessRequestsPage');
const AccessRequestPage = lazyRouteComponent(() => import('./access/AccessRequestPage.js'), 'AccessRequestPage');
const ConsultationDetailPage = lazyRouteComponent(() => import('./detail/ConsultationDetailPage.js'), 'ConsultationDetailPage');

/** 相談受理: 一覧 (filters in the URL), 新規受理, one record, 報告受信, 閲覧依頼, 取り込み and 設定, under one layout with tabs. */
export function intakeRoutes(app: AnyRoute): AnyRoute[] {
  const intake = createRoute({ getParentRoute: () => app, path: '/intake', component: IntakeLayout });

  const list = createRoute({
    getParentRoute: () => intake,
    path: '/',
    validateSearch: (search: Record<string, unknown>): ListSearch => parseListSearch(search),
    loader: preloadPages(IntakeListPage),
    component: function IntakeListRoute() {
      // Parsed again: the router passes the URL's other params through from the parent routes,
      // so a malformed one (?sort=narrative) would otherwise reach the API and fail the list.
      const raw = list.useSearch();
      const search = useMemo(() => parseListSearch(raw), [raw]);
      const navigate = list.useNavigate();
      return (
        <RequirePermission permission="intake.read">
          <IntakeListPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
        </RequirePermission>
      );
    },
  });

  /** A page with no props behind one permission. */
  const page = (path: string, permission: Parameters<typeof RequirePermission>[0]['permission'], Page: typeof ImportPage) =>
    createRoute({
      getParentRoute: () => intake,
      path,
      loader: preloadPages(Page),
      component: () => (
        <RequirePermission permission={permission}>
          <Page />
        </RequirePermission>
      ),
    });

  const detail = createRoute({
    getParentRoute: () => intake,
    path: '/$id',
    loader: preloadPages(ConsultationDetailPage),
    component: function IntakeDetailRoute() {
      const { id } = detail.useParams();
      // Keyed: another record is another page (revealed personal data must not carry over).
      return (
        <RequirePermission permission="intake.read">
          <ConsultationDetailPage key={id} id={id} />
        </RequirePermission>
      );
    },
  });

  const accessRequest = createRoute({
    getParentRoute: () => intake,
    path: '/access-requests/$id',
    loader: preloadPages(AccessRequestPage),
    component: function AccessRequestRoute() {
      const { id } = accessRequest.useParams();
      return (
        <RequirePermission permission="intake.escalations.handle">
          <AccessRequestPage key={id} id={id} />
        </RequirePermission>
      );
    },
  });

  return [
    intake.addChildren([
      list,
      page('/new', 'intake.write', NewConsultationPage),
      page('/escalations', 'intake.escalations.handle', EscalationQueuePage),
      page('/access-requests', 'intake.escalations.handle', AccessRequestsPage),
      accessRequest,
      page('/import', 'intake.import', ImportPage),
      page('/settings', 'intake.settings.manage', IntakeSettingsPage),
      detail,
    ]),
  ];
}

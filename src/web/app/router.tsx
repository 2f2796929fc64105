import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { domainNav } from '../../contracts/domains.contracts.js';
import { safeRedirectPath, sessionQueryOptions } from '../api/session.js';
import { PageLoader } from '../components/PageLoader.js';
import { RequirePermission } from '../components/RequirePermission.js';
import { AccountLayout } from '../features/account/AccountLayout.js';
import { AccountOverviewPage } from '../features/account/AccountOverviewPage.js';
import { MfaPage } from '../features/account/MfaPage.js';
import { PasswordPage } from '../features/account/PasswordPage.js';
import { SessionsPage } from '../features/account/SessionsPage.js';
import { TokensPage } from '../features/account/TokensPage.js';
import { AdminPage } from '../features/admin/AdminPage.js';
import { type AdminTab, isAdminTab } from '../features/admin/tabs.js';
import { forcedPath, normalisePath } from '../features/auth/forced.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { IndicatorDetailPage } from '../features/indicators/IndicatorDetailPage.js';
import { IndicatorsPage } from '../features/indicators/IndicatorsPage.js';
import { type IndicatorTab, isIndicatorTab } from '../features/indicators/tabs.js';
import { ConsultationDetailPage } from '../features/intake/detail/ConsultationDetailPage.js';
import { EscalationQueuePage } from '../features/intake/escalations/EscalationQueuePage.js';
import { NewConsultationPage } from '../features/intake/form/NewConsultationPage.js';
import { IntakeLayout } from '../features/intake/IntakeLayout.js';
import { ImportPage } from '../features/intake/import/ImportPage.js';
import { type ListSearch, parseListSearch } from '../features/intake/list/filters.js';
import { IntakeListPage } from '../features/intake/list/IntakeListPage.js';
import { IntakeSettingsPage } from '../features/intake/settings/IntakeSettingsPage.js';
import { AppLayout } from '../features/shell/AppLayout.js';
import { HomePage } from '../features/shell/HomePage.js';
import { NotFoundPage } from '../features/shell/NotFoundPage.js';
import { NotReadyPage } from '../features/shell/NotReadyPage.js';
import { SessionErrorPage } from '../features/shell/SessionErrorPage.js';
import { queryClient } from './queryClient.js';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirectPath(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ context, search }) => {
    // Already logged in: skip the form. If the server cannot be reached, show the form anyway.
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions).catch(() => null);
    if (session) throw redirect({ href: search.redirect ?? '/' });
  },
  component: function LoginRoute() {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirectTo={target} />;
  },
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
  component: AppLayout,
  pendingComponent: PageLoader,
  errorComponent: ({ error }) => <SessionErrorPage error={error} />,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomePage,
});

const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  validateSearch: (search: Record<string, unknown>): { tab?: AdminTab } => (isAdminTab(search.tab) ? { tab: search.tab } : {}),
  component: function AdminRoute() {
    const { tab } = adminRoute.useSearch();
    const navigate = adminRoute.useNavigate();
    return <AdminPage tab={tab} onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })} />;
  },
});

/** 指標・相関分析: 照会, 抽出 and 警告リスト tabs (?tab=), each shown only with its permission. */
const indicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators',
  validateSearch: (search: Record<string, unknown>): { tab?: IndicatorTab } => (isIndicatorTab(search.tab) ? { tab: search.tab } : {}),
  component: function IndicatorsRoute() {
    const { tab } = indicatorsRoute.useSearch();
    const navigate = indicatorsRoute.useNavigate();
    return <IndicatorsPage tab={tab} onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })} />;
  },
});

/** One indicator: facts, the sightings the user may read, and the cluster of a record. */
const indicatorDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators/$id',
  component: function IndicatorDetailRoute() {
    const { id } = indicatorDetailRoute.useParams();
    return <IndicatorDetailPage id={id} />;
  },
});

/** 相談受理: 一覧 (filters in the URL), 新規受理, one record, 報告受信, 取り込み and 設定, under one layout with tabs. */
const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/intake',
  component: IntakeLayout,
});

const intakeListRoute = createRoute({
  getParentRoute: () => intakeRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): ListSearch => parseListSearch(search),
  component: function IntakeListRoute() {
    const search = intakeListRoute.useSearch();
    const navigate = intakeListRoute.useNavigate();
    return (
      <RequirePermission permission="intake.read">
        <IntakeListPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />
      </RequirePermission>
    );
  },
});

const intakeNewRoute = createRoute({
  getParentRoute: () => intakeRoute,
  path: '/new',
  component: () => (
    <RequirePermission permission="intake.write">
      <NewConsultationPage />
    </RequirePermission>
  ),
});

const intakeEscalationsRoute = createRoute({
  getParentRoute: () => intakeRoute,
  path: '/escalations',
  component: () => (
    <RequirePermission permission="intake.escalations.handle">
      <EscalationQueuePage />
    </RequirePermission>
  ),
});

const intakeSettingsRoute = createRoute({
  getParentRoute: () => intakeRoute,
  path: '/settings',
  component: () => (
    <RequirePermission permission="intake.settings.manage">
      <IntakeSettingsPage />
    </RequirePermission>
  ),
});

const intakeImportRoute = createRoute({
  getParentRoute: () => intakeRoute,
  path: '/import',
  component: () => (
    <RequirePermission permission="intake.import">
      <ImportPage />
    </RequirePermission>
  ),
});

const intakeDetailRoute = createRoute({
  getParentRoute: () => intakeRoute,
  path: '/$id',
  component: function IntakeDetailRoute() {
    const { id } = intakeDetailRoute.useParams();
    // Keyed: another record is another page (revealed personal data must not carry over).
    return (
      <RequirePermission permission="intake.read">
        <ConsultationDetailPage key={id} id={id} />
      </RequirePermission>
    );
  },
});

/** アカウント設定 and its sub-pages. */
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: AccountLayout,
});

const accountIndexRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/',
  component: AccountOverviewPage,
});

const accountPasswordRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/password',
  component: PasswordPage,
});

const accountMfaRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/mfa',
  component: MfaPage,
});

const accountSessionsRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/sessions',
  component: SessionsPage,
});

/** Personal API tokens; the page itself says so when auth.tokens.self is missing. */
const accountTokensRoute = createRoute({
  getParentRoute: () => accountRoute,
  path: '/tokens',
  component: TokensPage,
});

/** Domains not built yet: a route each, showing only 「準備中」. */
const notReadyRoutes = domainNav
  .filter((domain) => !domain.ready)
  .map((domain) =>
    createRoute({
      getParentRoute: () => appRoute,
      path: domain.path,
      component: () => <NotReadyPage domain={domain} />,
    }),
  );

export const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    adminRoute,
    indicatorsRoute,
    indicatorDetailRoute,
    intakeRoute.addChildren([
      intakeListRoute,
      intakeNewRoute,
      intakeEscalationsRoute,
      intakeImportRoute,
      intakeSettingsRoute,
      intakeDetailRoute,
    ]),
    accountRoute.addChildren([accountIndexRoute, accountPasswordRoute, accountMfaRoute, accountSessionsRoute, accountTokensRoute]),
    ...notReadyRoutes,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Loaders read through React Query, which does its own caching.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

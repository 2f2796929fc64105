import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** アカウント設定 and its sub-pages (side menu, nested routes). */
export function accountRoutes(app: AnyRoute): AnyRoute[] {
  const account = createRoute({
    getParentRoute: () => app,
    path: '/account',
    component: lazyRouteComponent(() => import('./AccountLayout.js'), 'AccountLayout'),
  });
  const page = (path: string, component: ReturnType<typeof lazyRouteComponent>) =>
    createRoute({ getParentRoute: () => account, path, component });
  return [
    account.addChildren([
      page(
        '/',
        lazyRouteComponent(() => import('./AccountOverviewPage.js'), 'AccountOverviewPage'),
      ),
      page(
        '/password',
        lazyRouteComponent(() => import('./PasswordPage.js'), 'PasswordPage'),
      ),
      page(
        '/mfa',
        lazyRouteComponent(() => import('./MfaPage.js'), 'MfaPage'),
      ),
      page(
        '/sessions',
        lazyRouteComponent(() => import('./SessionsPage.js'), 'SessionsPage'),
      ),
      // Personal API tokens; the page itself says so when auth.tokens.self is missing.
      page(
        '/tokens',
        lazyRouteComponent(() => import('./TokensPage.js'), 'TokensPage'),
      ),
    ]),
  ];
}

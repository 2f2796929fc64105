import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';

/** ホーム (/). */
export function shellRoutes(app: AnyRoute): AnyRoute[] {
  return [createRoute({ getParentRoute: () => app, path: '/', component: lazyRouteComponent(() => import('./HomePage.js'), 'HomePage') })];
}

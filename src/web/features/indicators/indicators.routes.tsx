import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { preloadPages } from '../../lib/lazyPage.js';
import { tabbedRoutes } from '../../lib/tabbedRoutes.js';
import { indicatorTabPermission, indicatorTabs } from './tabs.js';

const IndicatorDetailPage = lazyRouteComponent(() => import('./IndicatorDetailPage.js'), 'IndicatorDetailPage');

/** 指標・相関分析: /indicators/lookup, /extract, /warninglists, and one indicator at /indicators/$id. */
export function indicatorsRoutes(app: AnyRoute): AnyRoute[] {
  const tabs = tabbedRoutes(app, {
    path: '/indicators',
    layout: lazyRouteComponent(() => import('./IndicatorsLayout.js'), 'IndicatorsLayout'),
    tabs: indicatorTabs,
    permission: indicatorTabPermission,
    pages: {
      lookup: lazyRouteComponent(() => import('./LookupPanel.js'), 'LookupPanel'),
      extract: lazyRouteComponent(() => import('./ExtractPanel.js'), 'ExtractPanel'),
      warninglists: lazyRouteComponent(() => import('./WarningListsPanel.js'), 'WarningListsPanel'),
    },
  });
  // Static tab paths rank above $id, so /indicators/lookup is never read as an indicator id.
  const detail = createRoute({
    getParentRoute: () => app,
    path: '/indicators/$id',
    loader: preloadPages(IndicatorDetailPage),
    component: function IndicatorDetailRoute() {
      const { id } = detail.useParams();
      return <IndicatorDetailPage id={id} />;
    },
  });
  return [tabs, detail];
}

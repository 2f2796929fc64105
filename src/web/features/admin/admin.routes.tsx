import { type AnyRoute, lazyRouteComponent } from '@tanstack/react-router';
import { tabbedRoutes } from '../../lib/tabbedRoutes.js';
import { adminTabPermission, adminTabs } from './tabs.js';

/** システム管理: /admin/users, /admin/units, /admin/audit, /admin/jobs; each page its own chunk. */
export function adminRoutes(app: AnyRoute): AnyRoute[] {
  return [
    tabbedRoutes(app, {
      path: '/admin',
      layout: lazyRouteComponent(() => import('./AdminLayout.js'), 'AdminLayout'),
      tabs: adminTabs,
      permission: adminTabPermission,
      pages: {
        users: lazyRouteComponent(() => import('./users/UsersPanel.js'), 'UsersPanel'),
        units: lazyRouteComponent(() => import('./units/UnitsPanel.js'), 'UnitsPanel'),
        audit: lazyRouteComponent(() => import('./audit/AuditPanel.js'), 'AuditPanel'),
        jobs: lazyRouteComponent(() => import('./JobsPanel.js'), 'JobsPanel'),
      },
    }),
  ];
}

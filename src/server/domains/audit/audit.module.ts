import type { DomainModule } from '../../core/module/module.types.js';
import { auditRoutes } from './audit.routes.js';

/** 監査ログ: the viewer and export of the trail every domain writes to. */
export const auditModule: DomainModule = {
  name: 'audit',
  routes: (ctx) => auditRoutes({ db: ctx.db }),
};

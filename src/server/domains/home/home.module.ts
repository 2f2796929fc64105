import type { DomainModule } from '../../core/module/module.types.js';
import { worklistKey } from '../../core/module/module.worklist.js';
import { homeRoutes } from './home.routes.js';

/** ホーム: the signed-in person's work from every domain (each adds its own through `worklist`). */
export const homeModule: DomainModule = {
  name: 'home',
  routes: (ctx) => homeRoutes(ctx.services.get(worklistKey)),
};

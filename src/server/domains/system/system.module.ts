import type { Migration } from '../../core/db/migrations/migration.types.js';
import { serviceKey } from '../../core/module/module.services.js';
import type { DomainModule } from '../../core/module/module.types.js';
import { systemRoutes } from './system.routes.js';

/** The whole migration list, so readiness can say whether the schema is current. */
export const migrationsKey = serviceKey<readonly Migration[]>('system.migrations');

/** Health, readiness, version and job administration. */
export const systemModule: DomainModule = {
  name: 'system',
  routes: (ctx) => systemRoutes({ db: ctx.db, version: ctx.version, migrations: ctx.services.get(migrationsKey) }),
};

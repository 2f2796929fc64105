import { serviceKey } from '../../core/module/module.services.js';
import type { DomainModule } from '../../core/module/module.types.js';
import { orgRoutes } from './org.routes.js';
import { type AdminResult, ensureFirstAdmin, type HashPassword, seedDemo } from './org.usecases.js';

/** What start-up did about the first administrator: the console banner shows it once. */
export const firstAdminKey = serviceKey<AdminResult>('org.first_admin');

/** Password hashing, provided by the auth domain (listed before org) so org does not import it. */
export const passwordHasherKey = serviceKey<HashPassword>('org.hash_password');

/** 所属と職員: units, accounts, the first administrator and the demo organisation. */
export const orgModule: DomainModule = {
  name: 'org',
  async setup(ctx) {
    const hash = ctx.services.get(passwordHasherKey);
    ctx.services.provide(firstAdminKey, await ensureFirstAdmin(ctx.db, hash, ctx.config.initialAdminPassword));
  },
  async seedDemo(ctx) {
    await seedDemo(ctx.db, ctx.services.get(passwordHasherKey));
  },
  routes: (ctx) => orgRoutes({ db: ctx.db, hashPassword: ctx.services.get(passwordHasherKey) }),
};

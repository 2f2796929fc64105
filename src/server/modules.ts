import { coreMigrations } from './core/db/migrations/index.js';
import { encryptedFieldsOf, migrationList } from './core/module/module.compose.js';
import type { DomainModule } from './core/module/module.types.js';
import { auditModule } from './domains/audit/index.js';
import { authModule } from './domains/auth/index.js';
import { casesModule } from './domains/cases/index.js';
import { homeModule } from './domains/home/index.js';
import { indicatorsModule } from './domains/indicators/index.js';
import { intakeModule } from './domains/intake/index.js';
import { notifyModule } from './domains/notify/index.js';
import { orgModule } from './domains/org/index.js';
import { systemModule } from './domains/system/index.js';

/**
 * Every domain, in the order they are set up: a domain that provides a service (auth's password
 * hasher, indicators' warning lists) comes before the domains that use it. Adding a domain is
 * one line here (see docs/ARCHITECTURE.md, "Adding a domain").
 */
export const modules: readonly DomainModule[] = [
  systemModule,
  authModule,
  orgModule,
  auditModule,
  notifyModule,
  indicatorsModule,
  intakeModule,
  casesModule,
  homeModule,
];

/** The one ordered migration list for both engines: the core's and every domain's, by name. */
export const migrations = migrationList(coreMigrations, modules);

/** Every encrypted column of every domain, for key rotation. */
export const encryptedFields = encryptedFieldsOf(modules);

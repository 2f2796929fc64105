import type { Config } from '../config/config.js';
import type { EncryptedField } from '../crypto/crypto.fields.js';
import type { Keyring } from '../crypto/crypto.keyring.js';
import type { Db } from '../db/db.open.js';
import type { Migration } from '../db/migrations/migration.types.js';
import type { FileStore } from '../files/files.store.js';
import type { RouteModule } from '../http/http.route.js';
import type { Chore } from '../jobs/jobs.runner.js';
import type { JobDef } from '../jobs/jobs.types.js';
import type { Logger } from '../log/logger.js';
import type { Mailer } from '../mail/mail.js';
import type { RecordTypeDef, RecordTypes } from './module.records.js';
import type { Services } from './module.services.js';
import type { WorklistProvider } from './module.worklist.js';

/**
 * Everything the composition root opens once and every domain may use. A domain takes what it
 * needs from here in its module's functions and passes plain values on to its use cases.
 */
export interface ModuleContext {
  db: Db;
  config: Config;
  logger: Logger;
  keyring: Keyring;
  /** Evidence and other uploaded files. */
  files: FileStore;
  mailer: Mailer;
  version: string;
  /** Every record type of every domain: labels and links for indicators, search, sharing and audit. */
  recordTypes: RecordTypes;
  /** What earlier domains made at setup for later ones (by typed key). */
  services: Services;
}

/**
 * One domain, as the composition root sees it. Adding a domain means writing one of these in
 * `domains/<name>/<name>.module.ts`, exporting it from the domain's index.ts and adding one line
 * to `src/server/modules.ts`. Every part is optional; order in that list is the order of setup.
 */
export interface DomainModule {
  name: string;
  /** The domain's migrations, kept beside it; merged with every other domain's in name order. */
  migrations?: readonly Migration[];
  /** Encrypted columns, so key rotation re-encrypts them. */
  encryptedFields?: readonly EncryptedField[];
  /** The record types this domain owns. */
  recordTypes?: readonly RecordTypeDef[];
  /** Background jobs, each with its payload schema and optional schedule. */
  jobs?: readonly JobDef<ModuleContext>[];
  /**
   * Runs once at start-up, before routes and demo data: defaults the domain needs in the database,
   * services it provides to later domains.
   */
  setup?(ctx: ModuleContext): Promise<void>;
  /** Demo data for `npm start` (`RENKEI_DEMO`), after every domain's setup. */
  seedDemo?(ctx: ModuleContext): Promise<void>;
  routes?(ctx: ModuleContext): RouteModule;
  /**
   * Work items this domain has waiting for a person (see module.worklist.ts): the home page lists
   * them and the navigation counts them. Called once at start-up; the provider runs per request.
   */
  worklist?(ctx: ModuleContext): WorklistProvider;
  /** What each server does for itself on its job timer (e.g. reload a cache another server changed). */
  chores?(ctx: ModuleContext): Chore[];
}

import type { FastifyInstance } from 'fastify';
import { createAuditAnchor, type RunningAnchor } from './core/audit/audit.anchor.js';
import { createDeniedRecorder } from './core/audit/audit.denied.js';
import type { Config } from './core/config/config.js';
import type { ReloadableKeyring } from './core/crypto/crypto.keyring.js';
import { KEY_RELOAD_MS } from './core/crypto/crypto.keysource.js';
import type { Db } from './core/db/db.open.js';
import { coreErrors } from './core/errors/core.errors.js';
import { openFileStore } from './core/files/files.open.js';
import { authenticatorKey } from './core/http/http.auth.js';
import { buildHttp, type RouteInfo } from './core/http/http.server.js';
import { type Chore, createJobRunner, type JobRunner } from './core/jobs/jobs.runner.js';
import { ensureSchedule } from './core/jobs/jobs.schedule.js';
import type { Logger } from './core/log/logger.js';
import { createMailer } from './core/mail/mail.js';
import { jobHandlersOf, recordTypesOf, schedulesOf, worklistOf } from './core/module/module.compose.js';
import { createRecordTypes } from './core/module/module.records.js';
import { createServices } from './core/module/module.services.js';
import type { DomainModule, ModuleContext } from './core/module/module.types.js';
import { worklistKey } from './core/module/module.worklist.js';
import { packageVersion, webRoot } from './core/paths.js';
import { type AdminResult, firstAdminKey } from './domains/org/index.js';
import { migrationsKey } from './domains/system/index.js';
import { modules as allModules, migrations } from './modules.js';
import { openKeyring } from './open.js';

export { encryptedFields, migrations } from './modules.js';
export { dbTargetOf, openAndMigrate, openKeyring } from './open.js';

/**
 * Composition root: the one place that knows every domain and wires their dependencies.
 */
export interface App {
  app: FastifyInstance;
  db: Db;
  routes: RouteInfo[];
  jobs: JobRunner;
  admin: AdminResult;
  keyring: ReloadableKeyring;
  /** The audit trail's keys and head checkpoint outside the database. */
  auditAnchor: RunningAnchor;
  /** What every domain was given: tests and tools reach domain services through it. */
  ctx: ModuleContext;
  /** This server's own chores (run by its job timer; tests run them directly). */
  chores: Chore[];
}

/**
 * Build the whole application on an open, migrated database. Tests call this directly (and may
 * pass another module list, e.g. with an example domain added).
 */
export async function createApp(config: Config, db: Db, logger: Logger, opts: { modules?: readonly DomainModule[] } = {}): Promise<App> {
  const modules = opts.modules ?? allModules;
  const version = packageVersion();
  const { keyring, created } = await openKeyring(config, db);
  if (created)
    logger.warn(
      { keyFile: config.keys.kind === 'file' ? config.keys.path : undefined },
      'encryption key created: back it up separately from the database',
    );
  // Before any module writes an event: from here on every event is keyed and checkpointed.
  const auditAnchor = createAuditAnchor({ db, keys: keyring, file: config.auditHeadFile, logger });
  await auditAnchor.start();
  const services = createServices();
  services.provide(migrationsKey, migrations);
  const files = openFileStore(db, config.dataDir, keyring);
  // Files an earlier version kept in this server's data directory move into shared storage
  // before any domain reads them, so every server on the database serves them.
  const moved = (await files.moveLocal?.()) ?? 0;
  if (moved > 0) logger.info({ files: moved }, 'stored files moved from the data directory into the database');
  const ctx: ModuleContext = {
    db,
    config,
    logger,
    keyring,
    version,
    files,
    mailer: createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }),
    recordTypes: createRecordTypes(db, recordTypesOf(modules)),
    services,
  };
  // Providers are asked lazily per request, so the home domain may come before the domains it lists.
  services.provide(worklistKey, worklistOf(modules, ctx));
  for (const m of modules) await m.setup?.(ctx);
  if (config.demo) for (const m of modules) await m.seedDemo?.(ctx);
  const denied = createDeniedRecorder({ db, logger });
  const { app, routes } = await buildHttp({
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    version,
    authenticate: services.get(authenticatorKey),
    routes: modules.flatMap((m) => (m.routes ? [m.routes(ctx)] : [])),
    webRoot: webRoot(),
    onDenied: denied.record,
  });
  for (const s of schedulesOf(modules)) await ensureSchedule(db, s);
  const chores: Chore[] = [
    // A key added by `renkei keys rotate` is taken up without a restart (also at once on an unknown key id).
    { name: 'crypto.reload_keys', everyMs: KEY_RELOAD_MS, run: async () => void keyring.refresh() },
    // Also after every append; the timer catches events another server appended.
    { name: 'audit.checkpoint', everyMs: 2_000, run: () => auditAnchor.flush() },
    // The count of denied attempts held back by the per-actor limit, once their minute ended.
    { name: 'audit.denied_summary', everyMs: 15_000, run: () => denied.flush() },
    ...modules.flatMap((m) => m.chores?.(ctx) ?? []),
  ];
  const jobs = createJobRunner({ db, logger, handlers: jobHandlersOf(modules, ctx), chores, pollMs: config.jobs.pollMs });
  return { app, db, routes, jobs, admin: services.get(firstAdminKey), keyring, auditAnchor, ctx, chores };
}

/** Listen on the configured port; a port in use becomes a clear error instead of a stack trace. */
export async function listen(a: App, config: Config): Promise<string> {
  try {
    const address = await a.app.listen({ host: config.host, port: config.port });
    if (config.jobs.enabled) a.jobs.start();
    return address;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw coreErrors.create('http.port_in_use', { port: config.port }, { cause: e });
    }
    throw e;
  }
}

/** Graceful stop: refuse new requests, let in-flight ones finish, stop jobs, close the database. */
export async function shutdown(a: App, timeoutMs: number): Promise<void> {
  await a.app.close();
  await a.jobs.stop(timeoutMs);
  await a.auditAnchor.flush();
  await a.db.close();
}

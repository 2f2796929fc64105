import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from './core/config/config.js';
import { ensureWritableDir } from './core/config/data-dir.js';
import { cryptoErrors } from './core/crypto/crypto.errors.js';
import { databaseHasKeys, type EncryptedField, verifyKeysAgainstDb } from './core/crypto/crypto.fields.js';
import type { Keyring } from './core/crypto/crypto.keyring.js';
import { createKeyFile, keySourceExists, loadKeyring } from './core/crypto/crypto.keysource.js';
import { migrate } from './core/db/db.migrate.js';
import { type Db, type DbTarget, openDb } from './core/db/db.open.js';
import { coreErrors } from './core/errors/core.errors.js';
import { createFileStore } from './core/files/files.store.js';
import { buildHttp, type RouteInfo } from './core/http/http.server.js';
import { type Chore, createJobRunner, type JobHandler, type JobRunner } from './core/jobs/jobs.runner.js';
import { ensureSchedule, type ScheduleDef } from './core/jobs/jobs.schedule.js';
import type { Logger } from './core/log/logger.js';
import { createMailer } from './core/mail/mail.js';
import { packageVersion, webRoot } from './core/paths.js';
import { auditRoutes } from './domains/audit/index.js';
import { authRoutes, hashPassword, makeAuthenticator, purgeExpiredSessions, totpAad } from './domains/auth/index.js';
import {
  CLUSTERS_JOB,
  indicatorRoutes,
  openWarningLists,
  REANNOTATE_JOB,
  reapplyWarningLists,
  rebuildClusters,
  refreshLocalLists,
  refreshLocalListsIfChanged,
  type WarningLists,
} from './domains/indicators/index.js';
import {
  consultationEncryptedFields,
  ensureIntakeDefaults,
  intakeRoutes,
  labelConsultations,
  markOverdue,
  remindFollowUps,
  seedIntakeDemo,
} from './domains/intake/index.js';
import { MAIL_JOB, mailJob, notifyRoutes } from './domains/notify/index.js';
import { type AdminResult, ensureFirstAdmin, orgRoutes, seedDemo } from './domains/org/index.js';
import { systemRoutes } from './domains/system/index.js';

// Validation messages in Japanese, the language of the people reading them (API details, CLI).
z.config(z.locales.ja());

/**
 * Composition root: the one place that knows every domain and wires their dependencies.
 */
export function dbTargetOf(config: Config): DbTarget {
  return config.database.engine === 'postgres'
    ? { engine: 'postgres', url: config.database.url }
    : { engine: 'sqlite', file: config.database.file };
}

/** Open the configured database (checking the data directory first) and bring its schema up to date. */
export async function openAndMigrate(config: Config, onApplied?: (name: string) => void): Promise<Db> {
  if (config.database.engine === 'sqlite') ensureWritableDir(config.dataDir);
  const db = await openDb(dbTargetOf(config));
  try {
    await migrate(db, { onApplied });
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

export interface App {
  app: FastifyInstance;
  db: Db;
  routes: RouteInfo[];
  jobs: JobRunner;
  admin: AdminResult;
  keyring: Keyring;
  warnings: WarningLists;
}

export function jobHandlers(db: Db, config: Config, warnings: WarningLists): Record<string, JobHandler> {
  return {
    // A warning list changed: bring stored indicators and clusters in line with the lists.
    [REANNOTATE_JOB]: async () => {
      await refreshLocalLists(db.kysely, warnings);
      await reapplyWarningLists(db, warnings);
    },
    // An edit split a cluster too large to recompute inside the edit.
    [CLUSTERS_JOB]: async () => {
      await rebuildClusters(db);
    },

    'auth.purge_sessions': async () => {
      await purgeExpiredSessions(db, config.session);
    },
    'intake.overdue': async () => {
      await markOverdue(db);
    },
    'intake.followups': async () => {
      await remindFollowUps(db);
    },
    [MAIL_JOB]: mailJob(createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }), config.mail.publicUrl),
  };
}

export const schedules: ScheduleDef[] = [
  { name: 'auth.purge_sessions', cron: '17 * * * *', kind: 'auth.purge_sessions' },
  { name: 'intake.overdue', cron: '* * * * *', kind: 'intake.overdue' },
  { name: 'intake.followups', cron: '*/15 * * * *', kind: 'intake.followups' },
];

/**
 * What every server does for itself on its job timer: another server's edit of a local warning
 * list reaches this server's matcher within half a minute.
 */
export function chores(db: Db, warnings: WarningLists): Chore[] {
  return [
    {
      name: 'indicators.refresh_lists',
      everyMs: 30_000,
      run: async () => {
        await refreshLocalListsIfChanged(db.kysely, warnings);
      },
    },
  ];
}

/** Every encrypted column of every domain, for key rotation. Domains add theirs here. */
export const encryptedFields: EncryptedField[] = [
  { table: 'app_user', idColumn: 'id', column: 'totp_secret_enc', aad: totpAad },
  { table: 'app_user', idColumn: 'id', column: 'totp_pending_enc', aad: totpAad },
  ...consultationEncryptedFields,
];

/**
 * Open the keyring and prove it fits the database. On a database that has never met a key, a
 * missing key file is created; otherwise a missing or wrong key stops start-up, because running
 * without it would mean personal data in plaintext or unreadable.
 */
export async function openKeyring(config: Config, db: Db): Promise<{ keyring: Keyring; created: boolean }> {
  let created = false;
  if (!keySourceExists(config.keys)) {
    if (await databaseHasKeys(db))
      throw cryptoErrors.create('crypto.key_missing', { where: config.keys.kind === 'file' ? config.keys.path : 'RENKEI_ENCRYPTION_KEYS' });
    if (config.keys.kind === 'file') createKeyFile(config.keys.path);
    created = true;
  }
  const keyring = loadKeyring(config.keys);
  await verifyKeysAgainstDb(db, keyring);
  return { keyring, created };
}

/** Build the whole application on an open, migrated database. Tests call this directly. */
export async function createApp(config: Config, db: Db, logger: Logger): Promise<App> {
  const version = packageVersion();
  const { keyring, created } = await openKeyring(config, db);
  if (created)
    logger.warn(
      { keyFile: config.keys.kind === 'file' ? config.keys.path : undefined },
      'encryption key created: back it up separately from the database',
    );
  const admin = await ensureFirstAdmin(db, hashPassword, config.initialAdminPassword);
  if (config.demo) await seedDemo(db, hashPassword);
  await ensureIntakeDefaults(db);
  const warnings = await openWarningLists(db.kysely, (file, reason) => logger.warn({ file, reason }, 'warning list skipped'));
  const intakeDeps = {
    db,
    keyring,
    warnings,
    commonThreshold: config.commonThreshold,
    followUpDays: 7,
    files: createFileStore(path.join(config.dataDir, 'files')),
    evidenceMaxBytes: config.evidenceMaxBytes,
  };
  if (config.demo) await seedIntakeDemo(intakeDeps);
  const authDeps = {
    db,
    keyring,
    policy: config.session,
    lockout: config.lockout,
    secureCookies: config.secureCookies,
    loginRatePerMinute: config.loginRatePerMinute,
  };
  const { app, routes } = await buildHttp({
    logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    version,
    authenticate: makeAuthenticator(authDeps),
    routes: [
      systemRoutes({ db, version }),
      authRoutes(authDeps),
      orgRoutes({ db, hashPassword }),
      auditRoutes({ db }),
      indicatorRoutes({ db, warnings, commonThreshold: config.commonThreshold, labelRecords: (refs) => labelConsultations(db, refs) }),
      intakeRoutes(intakeDeps),
      notifyRoutes({ db }),
    ],
    webRoot: webRoot(),
  });
  for (const s of schedules) await ensureSchedule(db, s);
  const jobs = createJobRunner({
    db,
    logger,
    handlers: jobHandlers(db, config, warnings),
    chores: chores(db, warnings),
    pollMs: config.jobs.pollMs,
  });
  return { app, db, routes, jobs, admin, keyring, warnings };
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
  await a.db.close();
}

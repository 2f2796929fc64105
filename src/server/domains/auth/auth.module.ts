import { z } from 'zod';
import { authenticatorKey } from '../../core/http/http.auth.js';
import { defineJob, jobType } from '../../core/jobs/jobs.types.js';
import type { DomainModule, ModuleContext } from '../../core/module/module.types.js';
import { passwordHasherKey } from '../org/index.js';
import { purgeExpiredSessions } from './auth.jobs.js';
import { hashPassword } from './auth.passwords.js';
import { type AuthHttpDeps, authRoutes, makeAuthenticator } from './auth.routes.js';
import { totpAad } from './auth.totp.js';

export const purgeSessionsJob = jobType('auth.purge_sessions', z.object({}));

function authDeps(ctx: ModuleContext): AuthHttpDeps {
  const { config } = ctx;
  return {
    db: ctx.db,
    keyring: ctx.keyring,
    policy: config.session,
    lockout: config.lockout,
    secureCookies: config.secureCookies,
    loginRatePerMinute: config.loginRatePerMinute,
  };
}

/** 認証: sessions, second factors, API tokens; it tells the HTTP layer who is calling. */
export const authModule: DomainModule = {
  name: 'auth',
  encryptedFields: [
    { table: 'app_user', idColumn: 'id', column: 'totp_secret_enc', aad: totpAad },
    { table: 'app_user', idColumn: 'id', column: 'totp_pending_enc', aad: totpAad },
  ],
  jobs: [
    defineJob(
      purgeSessionsJob,
      async (_p, ctx) => {
        await purgeExpiredSessions(ctx.db, ctx.config.session);
      },
      { cron: '17 * * * *' },
    ),
  ],
  async setup(ctx) {
    ctx.services.provide(passwordHasherKey, hashPassword);
    ctx.services.provide(authenticatorKey, makeAuthenticator(authDeps(ctx)));
  },
  routes: (ctx) => authRoutes(authDeps(ctx)),
};

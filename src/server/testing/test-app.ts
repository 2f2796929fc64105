import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, type SessionInfo } from '../../contracts/auth.contracts.js';
import { type Config, loadConfig } from '../core/config/config.js';
import { coreMigrations } from '../core/db/migrations/index.js';
import { createLogger, type Logger } from '../core/log/logger.js';
import { migrationList } from '../core/module/module.compose.js';
import type { DomainModule } from '../core/module/module.types.js';
import { currentTotp } from '../domains/auth/index.js';
import { DEMO_PASSWORD } from '../domains/org/index.js';
import { type App, createApp } from '../main.js';
import { freshDb, type TestDb } from './test-db.js';

export const ADMIN_PASSWORD = 'test-admin-password-2026';

export interface TestApp extends App {
  t: TestDb;
  config: Config;
  close(): Promise<void>;
}

export function testKey(id = 'test1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** The real application over HTTP injection on a fresh database, with the demo organisation. */
export async function testApp(
  overrides: Partial<Config> = {},
  opts: { modules?: readonly DomainModule[]; logger?: Logger } = {},
): Promise<TestApp> {
  const t = await freshDb(opts.modules ? { migrations: migrationList(coreMigrations, opts.modules) } : {});
  // Each app its own audit head checkpoint: tests run in parallel on one default data directory.
  const headDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkei-head-'));
  const config: Config = {
    ...loadConfig({ RENKEI_ADMIN_PASSWORD: ADMIN_PASSWORD, RENKEI_ENCRYPTION_KEYS: testKey(), RENKEI_LOGIN_RATE_PER_MINUTE: '10000' }),
    demo: true,
    auditHeadFile: path.join(headDir, 'renkei.audit-head.json'),
    ...overrides,
  };
  const a = await createApp(config, t.db, opts.logger ?? createLogger('silent'), opts);
  return {
    ...a,
    t,
    config,
    async close() {
      await a.app.close();
      await a.jobs.stop(1000);
      await a.auditAnchor.flush();
      await t.cleanup();
      fs.rmSync(headDir, { recursive: true, force: true });
    },
  };
}

export interface Agent {
  info: SessionInfo;
  cookie: string;
  headers(): Record<string, string>;
}

/** Second factors of accounts enrolled by `loginAs`, per app, so later logins can answer the challenge. */
const enrolled = new WeakMap<FastifyInstance, Map<string, { secret: string; recovery: string[] }>>();

function agentFrom(r: { cookies: { name: string; value: string }[]; json(): unknown }): Agent {
  const c = r.cookies.find((x) => x.name.endsWith('renkei_session'));
  if (!c) throw new Error('no session cookie');
  const info = r.json() as SessionInfo;
  const cookie = `${c.name}=${c.value}`;
  return { info, cookie, headers: () => ({ cookie, [CSRF_HEADER]: info.csrfToken }) };
}

/** Enrol TOTP through the real endpoints; returns the secret and recovery codes. */
export async function enrolTotp(app: FastifyInstance, agent: Agent) {
  const setup = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp/setup', headers: agent.headers() });
  if (setup.statusCode !== 200) throw new Error(`totp setup failed: ${setup.body}`);
  const { secret } = setup.json() as { secret: string };
  const confirm = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/totp/confirm',
    headers: agent.headers(),
    payload: { code: await currentTotp(secret) },
  });
  if (confirm.statusCode !== 200) throw new Error(`totp confirm failed: ${confirm.body}`);
  return { secret, recovery: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}

/** A one-time second-factor answer (a recovery code) for an account `loginAs` enrolled, for re-authentication. */
export function secondFactorCode(app: FastifyInstance, loginId: string): string {
  const code = enrolled.get(app)?.get(loginId)?.recovery.pop();
  if (!code) throw new Error(`${loginId} has no second factor the test holds`);
  return code;
}

/**
 * Log in through the real endpoints and keep the cookie and CSRF token. Accounts whose role
 * requires a second factor are enrolled on first login; later logins answer the TOTP challenge
 * with one of their recovery codes (a TOTP code is accepted once per 30 s, tests log in faster).
 */
export async function loginAs(
  app: FastifyInstance,
  loginId: string,
  password = loginId === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
  opts: { enrol?: boolean } = {},
): Promise<Agent> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });
  if (r.statusCode !== 200) throw new Error(`login ${loginId} failed: ${r.statusCode} ${r.body}`);
  const body = r.json() as { next: string; challenge?: string };
  const perApp = enrolled.get(app) ?? new Map();
  enrolled.set(app, perApp);
  if (body.next === 'totp') {
    const code = perApp.get(loginId)?.recovery.pop();
    if (!code) throw new Error(`${loginId} needs a second factor the test does not hold`);
    const t = await app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challenge: body.challenge, code } });
    if (t.statusCode !== 200) throw new Error(`totp login ${loginId} failed: ${t.body}`);
    return agentFrom(t);
  }
  const agent = agentFrom(r);
  if (agent.info.user.mfaEnrolmentRequired && opts.enrol !== false) {
    perApp.set(loginId, await enrolTotp(app, agent));
    const me = await app.inject({ url: '/api/auth/me', headers: agent.headers() });
    agent.info = me.json() as SessionInfo;
  }
  return agent;
}

import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, type SessionInfo } from '../../contracts/auth.contracts.js';
import { type Config, loadConfig } from '../core/config/config.js';
import { createLogger } from '../core/log/logger.js';
import { DEMO_PASSWORD } from '../domains/org/index.js';
import { type App, createApp } from '../main.js';
import { freshDb, type TestDb } from './test-db.js';

export const ADMIN_PASSWORD = 'test-admin-password-2026';

export interface TestApp extends App {
  t: TestDb;
  config: Config;
  close(): Promise<void>;
}

/** The real application over HTTP injection on a fresh database, with the demo organisation. */
export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const t = await freshDb();
  const config: Config = {
    ...loadConfig({ RENKEI_ADMIN_PASSWORD: ADMIN_PASSWORD }),
    demo: true,
    ...overrides,
  };
  const a = await createApp(config, t.db, createLogger('silent'));
  return {
    ...a,
    t,
    config,
    async close() {
      await a.app.close();
      await a.jobs.stop(1000);
      await t.cleanup();
    },
  };
}

export interface Agent {
  info: SessionInfo;
  cookie: string;
  headers(): Record<string, string>;
}

/** Log in through the real endpoint and keep the cookie and CSRF token for later requests. */
export async function loginAs(
  app: FastifyInstance,
  loginId: string,
  password = loginId === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
): Promise<Agent> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { loginId, password } });
  if (r.statusCode !== 200) throw new Error(`login ${loginId} failed: ${r.statusCode} ${r.body}`);
  const c = r.cookies.find((x) => x.name.endsWith('renkei_session'));
  if (!c) throw new Error('no session cookie');
  const info = r.json() as SessionInfo;
  const cookie = `${c.name}=${c.value}`;
  return { info, cookie, headers: () => ({ cookie, [CSRF_HEADER]: info.csrfToken }) };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginRequestSchema, sessionInfoSchema } from '../../../contracts/auth.contracts.js';
import { apiErrorSchema } from '../../../contracts/errors.contracts.js';
import type { Db } from '../../core/db/db.open.js';
import type { Principal } from '../../core/http/http.principal.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
import type { SessionPolicy } from './auth.sessions.js';
import { login, logout, principalFromSession } from './auth.usecases.js';

export interface AuthDeps {
  db: Db;
  policy: SessionPolicy;
  secureCookies: boolean;
}

/** `__Host-` binds the cookie to this origin, but browsers accept it only over HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-renkei_session' : 'renkei_session';
}

function client(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
}

export function makeAuthenticator(deps: AuthDeps) {
  const name = sessionCookieName(deps.secureCookies);
  return async (req: FastifyRequest): Promise<Principal | null> => {
    const token = req.cookies[name];
    if (!token || token.length > 100) return null;
    return principalFromSession(deps.db, deps.policy, token);
  };
}

export function authRoutes(deps: AuthDeps): RouteModule {
  const name = sessionCookieName(deps.secureCookies);
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(name, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      maxAge: deps.policy.absoluteHours * 3600,
    });
  return (app) => {
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/login',
      access: 'public',
      summary: 'ログイン / Log in',
      tags: ['auth'],
      body: loginRequestSchema,
      response: { 200: sessionInfoSchema, 401: apiErrorSchema },
      async handler({ body }, req, reply) {
        const r = await login(deps.db, deps.policy, body, client(req));
        // A new token at every login: a session fixed before login is never the one used after.
        setCookie(reply, r.token);
        return r.info;
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/logout',
      access: 'authenticated',
      summary: 'ログアウト / Log out',
      tags: ['auth'],
      response: { 200: z.object({ ok: z.literal(true) }) },
      async handler({ principal }, req, reply) {
        if (principal) await logout(deps.db, principal, client(req));
        reply.clearCookie(name, { path: '/' });
        return { ok: true as const };
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/auth/me',
      access: 'authenticated',
      summary: '現在のログイン情報 / Current session',
      tags: ['auth'],
      response: { 200: sessionInfoSchema },
      async handler({ principal: p }) {
        if (!p) throw new Error('authenticated route reached without a principal');
        return {
          csrfToken: p.csrfToken ?? '',
          user: {
            id: p.userId,
            loginId: p.loginId,
            displayName: p.displayName,
            role: p.role,
            unit: { id: p.unitId, name: p.unitName },
            permissions: [...p.permissions],
          },
        };
      },
    });
  };
}

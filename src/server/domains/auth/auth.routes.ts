import type { FastifyReply, FastifyRequest } from 'fastify';
import { authEndpoints as ep } from '../../../contracts/auth.endpoints.js';
import type { Principal } from '../../core/http/http.principal.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { findAccount } from '../org/index.js';
import { authErrors } from './auth.errors.js';
import { meOf, sessionPrincipal, tokenPrincipal } from './auth.principal.js';
import { findLiveSession, listUserSessions } from './auth.sessions.js';
import { findLiveToken, listApiTokens } from './auth.tokens.js';
import {
  type AuthDeps,
  changePassword,
  createToken,
  login,
  loginTotp,
  logout,
  logoutEverywhere,
  revokeOwnSession,
  revokeToken,
  totpConfirm,
  totpSetup,
} from './auth.usecases.js';

export interface AuthHttpDeps extends AuthDeps {
  secureCookies: boolean;
  loginRatePerMinute: number;
}

/** `__Host-` binds the cookie to this origin, but browsers accept it only over HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-renkei_session' : 'renkei_session';
}

function client(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
}

/** Resolve the caller: a bearer API token (machine clients) or the session cookie (people). */
export function makeAuthenticator(deps: AuthHttpDeps) {
  const name = sessionCookieName(deps.secureCookies);
  return async (req: FastifyRequest): Promise<Principal | null> => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const t = await findLiveToken(deps.db.kysely, auth.slice(7).trim());
      if (!t) return null;
      const a = await findAccount(deps.db.kysely, { id: t.user_id });
      return a && !a.disabled ? tokenPrincipal(a, t) : null;
    }
    const token = req.cookies[name];
    if (!token || token.length > 100) return null;
    const s = await findLiveSession(deps.db.kysely, token, deps.policy);
    if (!s) return null;
    const a = await findAccount(deps.db.kysely, { id: s.user_id });
    return a && !a.disabled ? sessionPrincipal(a, s) : null;
  };
}

export function authRoutes(deps: AuthHttpDeps): RouteModule {
  const name = sessionCookieName(deps.secureCookies);
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(name, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      maxAge: deps.policy.absoluteHours * 3600,
    });
  // The login rate comes from configuration, so it is set here rather than in the contract.
  const limited = { rateLimitPerMinute: deps.loginRatePerMinute };
  return (app) => {
    route(
      app,
      ep.login,
      async ({ body }, req, reply) => {
        const r = await login(deps, body, client(req));
        if (r.next === 'totp') return r;
        // A new token at every login: a session fixed before login is never the one used after.
        setCookie(reply, r.token);
        return { next: 'done' as const, ...r.info };
      },
      limited,
    );
    route(
      app,
      ep.loginTotp,
      async ({ body }, req, reply) => {
        const r = await loginTotp(deps, body, client(req));
        if (r.next === 'totp') return r;
        setCookie(reply, r.token);
        return { next: 'done' as const, ...r.info };
      },
      limited,
    );
    route(app, ep.logout, async ({ principal }, req, reply) => {
      await logout(deps, principal, client(req));
      reply.clearCookie(name, { path: '/' });
      return { ok: true as const };
    });
    route(app, ep.logoutEverywhere, async ({ principal }, req, reply) => {
      const revoked = await logoutEverywhere(deps, principal, client(req));
      reply.clearCookie(name, { path: '/' });
      return { ok: true as const, revoked };
    });
    route(app, ep.me, async ({ principal }) => {
      const a = await findAccount(deps.db.kysely, { id: principal.userId });
      if (!a) throw authErrors.create('auth.not_found');
      return { csrfToken: principal.csrfToken ?? '', user: meOf(a) };
    });
    route(
      app,
      ep.changePassword,
      async ({ body, principal }, req, reply) => {
        const r = await changePassword(deps, principal, body, client(req));
        setCookie(reply, r.token);
        return r.info;
      },
      limited,
    );
    route(app, ep.sessions, async ({ principal }) => {
      const rows = await listUserSessions(deps.db.kysely, principal.userId);
      return {
        items: rows.map((s) => ({
          id: s.id_hash,
          createdAt: s.created_at,
          lastSeenAt: s.last_seen_at,
          clientIp: s.client_ip,
          userAgent: s.user_agent,
          current: s.id_hash === principal.sessionIdHash,
        })),
      };
    });
    route(app, ep.revokeSession, async ({ params, principal }, req) => {
      await revokeOwnSession(deps, principal, params.id, client(req));
      return { ok: true as const };
    });
    // Each re-authenticating route is rate-limited like login; wrong answers also count toward the lockout.
    route(app, ep.totpSetup, ({ body, principal }, req) => totpSetup(deps, principal, body ?? {}, client(req)), limited);
    route(
      app,
      ep.totpConfirm,
      async ({ body, principal }, req) => ({ recoveryCodes: await totpConfirm(deps, principal, body, client(req)) }),
      limited,
    );
    route(app, ep.tokens, async ({ principal }) => ({ items: await listApiTokens(deps.db.kysely, principal.userId) }));
    route(app, ep.createToken, ({ body, principal }, req) => createToken(deps, principal, principal.userId, body, client(req)), limited);
    route(app, ep.revokeToken, async ({ params, principal }, req) => {
      await revokeToken(deps, principal, params.id, true, client(req));
      return { ok: true as const };
    });
    route(app, ep.issueUserToken, ({ params, body, principal }, req) => createToken(deps, principal, params.id, body, client(req)));
  };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenSchema,
  loginRequestSchema,
  loginResponseSchema,
  passwordChangeSchema,
  recoveryCodesSchema,
  sessionInfoSchema,
  sessionListItemSchema,
  totpConfirmSchema,
  totpLoginRequestSchema,
  totpSetupSchema,
} from '../../../contracts/auth.contracts.js';
import { apiErrorSchema } from '../../../contracts/errors.contracts.js';
import type { Principal } from '../../core/http/http.principal.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
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

function must(p: Principal | null): Principal {
  if (!p) throw new Error('authenticated route reached without a principal');
  return p;
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

const ok = z.object({ ok: z.literal(true) });
const idParam = z.strictObject({ id: z.string().min(1).max(100) });

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
  const tags = ['auth'];
  return (app) => {
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/login',
      access: 'public',
      rateLimitPerMinute: deps.loginRatePerMinute,
      summary: 'ログイン / Log in',
      tags,
      body: loginRequestSchema,
      response: { 200: loginResponseSchema, 401: apiErrorSchema },
      async handler({ body }, req, reply) {
        const r = await login(deps, body, client(req));
        if (r.next === 'totp') return r;
        // A new token at every login: a session fixed before login is never the one used after.
        setCookie(reply, r.token);
        return { next: 'done' as const, ...r.info };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/login/totp',
      access: 'public',
      rateLimitPerMinute: deps.loginRatePerMinute,
      summary: '二要素認証コードの確認 / Second factor',
      tags,
      body: totpLoginRequestSchema,
      response: { 200: loginResponseSchema, 401: apiErrorSchema },
      async handler({ body }, req, reply) {
        const r = await loginTotp(deps, body, client(req));
        if (r.next === 'totp') return r;
        setCookie(reply, r.token);
        return { next: 'done' as const, ...r.info };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/logout',
      access: 'authenticated',
      allowRestricted: true,
      summary: 'ログアウト / Log out',
      tags,
      response: { 200: ok },
      async handler({ principal }, req, reply) {
        await logout(deps, must(principal), client(req));
        reply.clearCookie(name, { path: '/' });
        return { ok: true as const };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      access: 'authenticated',
      allowRestricted: true,
      summary: 'すべての端末からログアウト / Log out everywhere',
      tags,
      response: { 200: z.object({ ok: z.literal(true), revoked: z.number() }) },
      async handler({ principal }, req, reply) {
        const revoked = await logoutEverywhere(deps, must(principal), client(req));
        reply.clearCookie(name, { path: '/' });
        return { ok: true as const, revoked };
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/auth/me',
      access: 'authenticated',
      allowRestricted: true,
      summary: '現在のログイン情報 / Current session',
      tags,
      response: { 200: sessionInfoSchema },
      async handler({ principal }) {
        const p = must(principal);
        const a = await findAccount(deps.db.kysely, { id: p.userId });
        if (!a) throw authErrors.create('auth.not_found');
        return { csrfToken: p.csrfToken ?? '', user: meOf(a) };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/password',
      access: 'authenticated',
      allowRestricted: true,
      summary: 'パスワード変更 / Change password',
      tags,
      body: passwordChangeSchema,
      response: { 200: sessionInfoSchema, 400: apiErrorSchema },
      async handler({ body, principal }, req, reply) {
        const r = await changePassword(deps, must(principal), body, client(req));
        setCookie(reply, r.token);
        return r.info;
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/auth/sessions',
      access: 'authenticated',
      allowRestricted: true,
      summary: 'ログイン中の端末 / My sessions',
      tags,
      response: { 200: z.object({ items: z.array(sessionListItemSchema) }) },
      async handler({ principal }) {
        const p = must(principal);
        const rows = await listUserSessions(deps.db.kysely, p.userId);
        return {
          items: rows.map((s) => ({
            id: s.id_hash,
            createdAt: s.created_at,
            lastSeenAt: s.last_seen_at,
            clientIp: s.client_ip,
            userAgent: s.user_agent,
            current: s.id_hash === p.sessionIdHash,
          })),
        };
      },
    });
    addRoute(app, {
      method: 'DELETE',
      url: '/api/auth/sessions/:id',
      access: 'authenticated',
      allowRestricted: true,
      summary: '端末のログアウト / Revoke a session',
      tags,
      params: idParam,
      response: { 200: ok, 404: apiErrorSchema },
      async handler({ params, principal }, req) {
        await revokeOwnSession(deps, must(principal), params.id, client(req));
        return { ok: true as const };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/mfa/totp/setup',
      access: 'authenticated',
      allowRestricted: true,
      summary: '二要素認証の登録開始 / Start TOTP enrolment',
      tags,
      response: { 200: totpSetupSchema },
      handler: async ({ principal }, req) => totpSetup(deps, must(principal), client(req)),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/mfa/totp/confirm',
      access: 'authenticated',
      allowRestricted: true,
      summary: '二要素認証の登録確認 / Confirm TOTP enrolment',
      tags,
      body: totpConfirmSchema,
      response: { 200: recoveryCodesSchema, 401: apiErrorSchema, 409: apiErrorSchema },
      handler: async ({ body, principal }, req) => ({ recoveryCodes: await totpConfirm(deps, must(principal), body.code, client(req)) }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/auth/tokens',
      access: 'auth.tokens.self',
      summary: '自分の API トークン / My API tokens',
      tags,
      response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      handler: async ({ principal }) => ({ items: await listApiTokens(deps.db.kysely, must(principal).userId) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/auth/tokens',
      access: 'auth.tokens.self',
      summary: 'API トークン発行 / Issue an API token',
      tags,
      body: apiTokenCreateSchema,
      response: { 200: apiTokenCreatedSchema, 400: apiErrorSchema },
      handler: async ({ body, principal }, req) => createToken(deps, must(principal), must(principal).userId, body, client(req)),
    });
    addRoute(app, {
      method: 'DELETE',
      url: '/api/auth/tokens/:id',
      access: 'auth.tokens.self',
      summary: 'API トークン失効 / Revoke an API token',
      tags,
      params: idParam,
      response: { 200: ok, 404: apiErrorSchema },
      async handler({ params, principal }, req) {
        await revokeToken(deps, must(principal), params.id, true, client(req));
        return { ok: true as const };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/admin/users/:id/tokens',
      access: 'org.users.manage',
      summary: '連携先アカウントへの API トークン発行 / Issue a token for an account',
      tags: ['admin'],
      params: idParam,
      body: apiTokenCreateSchema,
      response: { 200: apiTokenCreatedSchema, 400: apiErrorSchema, 404: apiErrorSchema },
      handler: async ({ params, body, principal }, req) => createToken(deps, must(principal), params.id, body, client(req)),
    });
  };
}

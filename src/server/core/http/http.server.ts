import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { CSRF_HEADER } from '../../../contracts/auth.contracts.js';
import type { RouteAccess } from '../../../contracts/permissions.contracts.js';
import { type DeniedAttempt, deniedTarget, isAuditedDenial } from '../audit/audit.denied.js';
import { defineErrors } from '../errors/app-error.js';
import { bodyTooLarge, coreErrors } from '../errors/core.errors.js';
import type { Logger } from '../log/logger.js';
import { errorBody, makeErrorHandler } from './http.errors.js';
import { decideAccess, type Principal } from './http.principal.js';
import type { RouteModule } from './http.route.js';

export const accessErrors = defineErrors({
  'auth.unauthenticated': {
    status: 401,
    ja: 'ログインが必要です。再度ログインしてください。',
    en: 'You need to log in.',
  },
  'auth.forbidden': {
    status: 403,
    ja: 'この操作を行う権限がありません',
    en: 'You do not have permission for this action',
  },
  'auth.session_required': {
    status: 403,
    ja: 'この操作は API トークンではできません。ログインして画面から行ってください。',
    en: 'This cannot be done with an API token. Sign in and do it in the app.',
  },
  'auth.password_change_required': {
    status: 403,
    ja: 'パスワードの変更が必要です。アカウント設定でパスワードを変更してください。',
    en: 'You must change your password first.',
  },
  'auth.mfa_enrolment_required': {
    status: 403,
    ja: 'この役割では二要素認証の登録が必要です。アカウント設定で登録してください。',
    en: 'Your role requires two-factor authentication. Enrol first.',
  },
  'auth.csrf_invalid': {
    status: 403,
    ja: '不正な要求です（CSRF トークンが一致しません）。画面を再読み込みしてください。',
    en: 'Invalid request (CSRF token mismatch). Reload the page.',
  },
});

/** Routes mounted by plugins we trust, which cannot carry our config: public by decision here. */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];

/** Hashed build assets (dist/web/assets): cached for a year and never revalidated. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface HttpDeps {
  logger: Logger;
  bodyLimit: number;
  trustProxy: boolean;
  version: string;
  /** Resolves the caller from cookies or tokens; null when anonymous. */
  authenticate: (req: FastifyRequest) => Promise<Principal | null>;
  routes: RouteModule[];
  /** Built web app (index.html and assets/); absent in API-only tests. */
  webRoot?: string;
  /** Told of every refused attempt worth auditing (see `isAuditedDenial`), after the response went out. */
  onDenied?: (a: DeniedAttempt) => Promise<void>;
}

/** Every route must say who may call it; a route that does not is a bug, so refuse to start. */
export function assertRoutesDeclareAccess(routes: { method: string; url: string; access?: RouteAccess }[]): void {
  const missing = routes.filter((r) => r.method !== 'HEAD' && !r.access && !PLUGIN_PUBLIC_PREFIXES.some((p) => r.url.startsWith(p)));
  if (missing.length > 0) {
    throw new Error(`routes without an access declaration: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  access?: RouteAccess;
  sessionOnly?: boolean;
}

export async function buildHttp(deps: HttpDeps): Promise<{ app: FastifyInstance; routes: RouteInfo[] }> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit,
    trustProxy: deps.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: text/plain bodies would slip past our schemas as strings.
  app.removeContentTypeParser('text/plain');
  // Files (evidence) arrive as raw bytes and are handed on as the request stream, never buffered
  // whole: the upload route encrypts them to disk as they come and counts against its body limit
  // (a declared Content-Length over it is refused here at once).
  app.addContentTypeParser('application/octet-stream', (req, payload, done) => {
    const limit = req.routeOptions.bodyLimit ?? deps.bodyLimit;
    if (Number(req.headers['content-length'] ?? 0) > limit) done(bodyTooLarge(limit), undefined);
    else done(null, payload);
  });
  // JSON must be UTF-8: Node would decode a bad byte as U+FFFD and the record would be stored
  // quietly changed. Decode strictly, then hand the text to Fastify's own (poisoning-safe) parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(coreErrors.create('http.invalid_utf8'), undefined);
      return;
    }
    parseJson(req, text, done);
  });
  app.setErrorHandler(makeErrorHandler(deps.bodyLimit));
  app.decorateRequest('principal', null);
  app.decorateRequest('errorCode', null);

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) routes.push({ method: m, url: r.url, access: r.config?.access, sessionOnly: r.config?.sessionOnly === true });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  // Only routes that ask for it (login, second factor) are limited; per client address, in memory.
  await app.register(fastifyRateLimit, {
    global: false,
    // Thrown to our error handler, which answers 429 with the catalogue's message.
    errorResponseBuilder: () => coreErrors.create('http.rate_limited'),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Renkei API', description: '連携 — サイバー戦略推進システム API', version: deps.version },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // Authentication and the route's access rule run before the body is parsed,
  // so an anonymous caller learns nothing from validation messages.
  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access;
    if (!access) return; // plugin routes (allow-listed above) and 404s
    req.principal = await deps.authenticate(req);
    const config = req.routeOptions.config;
    const decision = decideAccess(access, req.principal, config?.allowRestricted === true, config?.sessionOnly === true);
    if (decision !== 'allow') {
      const e = accessErrors.create(
        decision === 'unauthenticated'
          ? 'auth.unauthenticated'
          : decision === 'session_required'
            ? 'auth.session_required'
            : decision === 'restricted'
              ? req.principal?.restricted === 'password'
                ? 'auth.password_change_required'
                : 'auth.mfa_enrolment_required'
              : 'auth.forbidden',
      );
      req.errorCode = e.code;
      return reply.status(e.status).send(errorBody(e, req.id));
    }
    const p = req.principal;
    if (p?.csrfToken && STATE_CHANGING.has(req.method) && req.headers[CSRF_HEADER] !== p.csrfToken) {
      const e = accessErrors.create('auth.csrf_invalid');
      req.errorCode = e.code;
      return reply.status(e.status).send(errorBody(e, req.id));
    }
  });

  // Refused attempts are audited centrally, whichever route or use case refused them. This runs
  // after the response is sent, so the caller waits for nothing; the recorder writes its own
  // transaction. Only the route pattern and the path parameter are kept, never bodies or queries.
  const onDenied = deps.onDenied;
  if (onDenied) {
    app.addHook('onResponse', async (req, reply) => {
      const code = req.errorCode;
      const route = req.routeOptions.url;
      if (!code || !route || !req.routeOptions.config?.access) return;
      const credential = req.headers.authorization !== undefined;
      if (!isAuditedDenial(reply.statusCode, code, req.principal !== null, credential)) return;
      await onDenied({
        principal: req.principal,
        clientIp: req.ip,
        requestId: req.id,
        method: req.method,
        route,
        status: reply.statusCode,
        code,
        target: deniedTarget(route, req.params),
      });
    });
  }

  for (const register of deps.routes) register(app);

  const webRoot = deps.webRoot;
  const indexHtml = webRoot ? path.join(webRoot, 'index.html') : undefined;
  if (webRoot && indexHtml && fs.existsSync(indexHtml)) {
    // The build writes a .br and a .gz beside each file (scripts/build.mjs); the browser gets the
    // smallest it accepts. Cache headers are ours, not the plugin's (which would say max-age=0).
    await app.register(fastifyStatic, { root: webRoot, serve: false, preCompressed: true, cacheControl: false });
    app.get('/assets/*', { config: { access: 'public' } }, (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      // Asset names carry a hash of their content: a changed file is a new URL, so keep it a year.
      return reply.header('cache-control', ASSET_CACHE).sendFile(path.join('assets', rel));
    });
  }

  app.setNotFoundHandler((req, reply) => {
    // A missing asset (a chunk of an older release) is a 404: the page in its place would fail as a script.
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/') && indexHtml && fs.existsSync(indexHtml);
    if (wantsPage) {
      // The web app routes on the client: any page URL gets index.html.
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    const e = coreErrors.create('http.not_found');
    return reply.status(404).send(errorBody(e, req.id));
  });

  await app.ready();
  try {
    assertRoutesDeclareAccess(routes);
  } catch (e) {
    await app.close();
    throw e;
  }
  return { app, routes };
}

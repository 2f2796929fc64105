import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AnyEndpoint, BodyOf, EndpointResult, ParamsOf, QueryOf } from '../../../contracts/endpoint.js';
import type { RouteAccess } from '../../../contracts/permissions.contracts.js';
import type { Principal } from './http.principal.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  method: Method;
  url: string;
  /** Mandatory: the server refuses to start if a route omits it. */
  access: RouteAccess;
  /** Reachable by a session that must still change its password or enrol MFA. */
  allowRestricted?: boolean | undefined;
  /** Refused to API tokens whatever their scopes. */
  sessionOnly?: boolean | undefined;
  /** Requests per minute per client address, for endpoints that guess-proofing needs. */
  rateLimitPerMinute?: number;
  /** Larger bodies than the server default, for uploads. */
  bodyLimit?: number;
  summary: string;
  tags?: string[] | undefined;
  body?: B;
  querystring?: Q;
  params?: P;
  response?: Record<number, z.ZodType>;
  handler: (
    input: { body: Infer<B>; query: Infer<Q>; params: Infer<P>; principal: Principal | null },
    req: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    allowRestricted?: boolean;
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The catalogue code of the error this request was answered with, if any. */
    errorCode: string | null;
  }
}

/** Register a route whose input (prefer `route` with an endpoint from src/contracts) is validated by zod and whose access rule travels in its config. */
function addRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(app: FastifyInstance, spec: RouteSpec<B, Q, P>): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    config: {
      access: spec.access,
      allowRestricted: spec.allowRestricted ?? false,
      sessionOnly: spec.sessionOnly ?? false,
      ...(spec.rateLimitPerMinute ? { rateLimit: { max: spec.rateLimitPerMinute, timeWindow: 60_000 } } : {}),
    },
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.response ? { response: spec.response } : {}),
    },
    handler: (req, reply) =>
      spec.handler(
        {
          body: req.body as Infer<B>,
          query: req.query as Infer<Q>,
          params: req.params as Infer<P>,
          principal: req.principal,
        },
        req,
        reply,
      ),
  });
}

/** A domain's routes: a function that registers them, given its dependencies by closure. */
export type RouteModule = (app: FastifyInstance) => void;

type Input<S> = [S] extends [z.ZodType] ? z.output<S> : undefined;

/** What a handler receives: parsed inputs, and a principal that is non-null unless the endpoint is public. */
export interface EndpointInput<E extends AnyEndpoint> {
  body: Input<BodyOf<E>>;
  query: Input<QueryOf<E>>;
  params: Input<ParamsOf<E>>;
  principal: E['access'] extends 'public' ? Principal | null : Principal;
}

export type EndpointHandler<E extends AnyEndpoint> = (
  input: EndpointInput<E>,
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<EndpointResult<E> | FastifyReply>;

/**
 * Register `handler` for an endpoint declared in src/contracts. `options` carries what only
 * the running server knows (a body or rate limit from configuration).
 */
export function route<E extends AnyEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: EndpointHandler<E>,
  options: { bodyLimit?: number; rateLimitPerMinute?: number } = {},
): void {
  const bodyLimit = options.bodyLimit ?? endpoint.bodyLimit;
  const rateLimitPerMinute = options.rateLimitPerMinute ?? endpoint.rateLimitPerMinute;
  addRoute(app, {
    method: endpoint.method,
    url: endpoint.path,
    access: endpoint.access,
    allowRestricted: endpoint.allowRestricted,
    sessionOnly: endpoint.sessionOnly,
    summary: endpoint.summary,
    tags: endpoint.tags,
    ...(bodyLimit ? { bodyLimit } : {}),
    ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}),
    body: endpoint.upload ? undefined : endpoint.body,
    querystring: endpoint.query,
    params: endpoint.params,
    response: endpoint.response === 'file' ? undefined : endpoint.response,
    handler: (input, req, reply) => {
      // The access hook has run: only a public endpoint can be reached without a caller.
      if (endpoint.access !== 'public' && !input.principal) {
        throw new Error(`${endpoint.method} ${endpoint.path} reached without a principal`);
      }
      return handler(input as EndpointInput<E>, req, reply);
    },
  });
}

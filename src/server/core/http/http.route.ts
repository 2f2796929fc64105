import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RouteAccess } from '../../../contracts/permissions.contracts.js';
import type { Principal } from './http.principal.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  method: Method;
  url: string;
  /** Mandatory: the server refuses to start if a route omits it. */
  access: RouteAccess;
  /** Reachable by a session that must still change its password or enrol MFA. */
  allowRestricted?: boolean;
  /** Requests per minute per client address, for endpoints that guess-proofing needs. */
  rateLimitPerMinute?: number;
  /** Larger bodies than the server default, for uploads. */
  bodyLimit?: number;
  summary: string;
  tags?: string[];
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
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Register a route whose input is validated by zod and whose access rule travels in its config. */
export function addRoute<
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

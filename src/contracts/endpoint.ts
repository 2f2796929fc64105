import type { z } from 'zod';
import { apiErrorSchema } from './errors.contracts.js';
import type { RouteAccess } from './permissions.contracts.js';

/**
 * An HTTP endpoint declared once, as data: the server registers a handler against it
 * (`route` in core/http), the web app calls it (`call` in web/api/client.ts), OpenAPI is
 * generated from it. Only shapes live here; no server, web or CLI code.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;
/** JSON answers by status, or `'file'` for a download sent as raw bytes. */
export type Responses = Record<number, Schema> | 'file';

export interface Endpoint<
  A extends RouteAccess = RouteAccess,
  B extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  P extends Schema | undefined = Schema | undefined,
  R extends Responses = Responses,
> {
  method: HttpMethod;
  /** Fastify syntax: `/api/intake/consultations/:id`. */
  path: string;
  /** Mandatory: a permission, `authenticated` or `public`; checked before the body is parsed. */
  access: A;
  summary: string;
  tags?: string[] | undefined;
  body?: B;
  query?: Q;
  params?: P;
  response: R;
  /** Reachable by a session that must still change its password or enrol MFA. */
  allowRestricted?: boolean | undefined;
  /** Refused to API tokens whatever their scopes (minting and revoking tokens). */
  sessionOnly?: boolean | undefined;
  /** Requests per minute per client address (the server may set it from configuration). */
  rateLimitPerMinute?: number | undefined;
  /** Larger bodies than the server default (the server may set it from configuration). */
  bodyLimit?: number | undefined;
  /** The body is a file's raw bytes (application/octet-stream), not JSON. */
  upload?: boolean | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: the widest endpoint, for constraints only
export type AnyEndpoint = Endpoint<RouteAccess, any, any, any, Responses>;

/** Declare an endpoint; the generics keep the literal access and the exact schemas for inference. */
export function defineEndpoint<
  A extends RouteAccess,
  R extends Responses,
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(spec: Endpoint<A, B, Q, P, R>): Endpoint<A, B, Q, P, R> {
  return spec;
}

/** The usual error answers (the body of every 4xx is `apiErrorSchema`). */
export const errorResponses = { 400: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema } as const;

/** A path with its `:params` filled in, each value URL-encoded. */
export function endpointPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
}

type SuccessKey<R> = R extends Record<number, Schema> ? Extract<keyof R, 200 | 201> : never;
/** What a successful call returns after parsing (200, or 201 when that is the only success). */
export type EndpointOutput<E extends AnyEndpoint> = E['response'] extends infer R
  ? R extends Record<number, Schema>
    ? z.output<R[SuccessKey<R>]>
    : never
  : never;
/** What a handler may return (the input of the success schemas). */
export type EndpointResult<E extends AnyEndpoint> = E['response'] extends infer R
  ? R extends Record<number, Schema>
    ? z.input<R[SuccessKey<R>]>
    : unknown
  : never;

/** The success schema a client parses the answer with. */
export function successSchema(ep: AnyEndpoint): Schema | undefined {
  if (ep.response === 'file') return undefined;
  return ep.response[200] ?? ep.response[201];
}

// biome-ignore lint/suspicious/noExplicitAny: inference positions
export type BodyOf<E> = E extends Endpoint<any, infer B, any, any, any> ? B : never;
// biome-ignore lint/suspicious/noExplicitAny: inference positions
export type QueryOf<E> = E extends Endpoint<any, any, infer Q, any, any> ? Q : never;
// biome-ignore lint/suspicious/noExplicitAny: inference positions
export type ParamsOf<E> = E extends Endpoint<any, any, any, infer P, any> ? P : never;

type Field<K extends string, S> = [S] extends [Schema]
  ? object extends z.input<S>
    ? { [F in K]?: z.input<S> }
    : { [F in K]: z.input<S> }
  : { [F in K]?: undefined };
/** What a caller passes: the body, query and path parameters the endpoint declares (inputs, before defaults). */
export type CallInput<E extends AnyEndpoint> = Field<'body', BodyOf<E>> & Field<'query', QueryOf<E>> & Field<'params', ParamsOf<E>>;

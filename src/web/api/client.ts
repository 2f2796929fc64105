import type { z } from 'zod';
import { CSRF_HEADER } from '../../contracts/auth.contracts.js';
import { type AnyEndpoint, type CallInput, type EndpointOutput, endpointPath, successSchema } from '../../contracts/endpoint.js';
import { apiErrorSchema } from '../../contracts/errors.contracts.js';
import { i18n } from '../i18n/index.js';
import { getCsrfToken } from './csrf.js';
import { ApiError } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Appended as a query string; undefined/null values are skipped. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

const UNSAFE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * An error raised in the browser, with its text in both languages from the i18n resources; shown
 * like a server error (`useErrorText`). Features use it for answers the contract allows but the
 * flow does not expect.
 */
export function clientError(
  status: number,
  key: 'network' | 'http' | 'invalidResponse' | 'loginStep',
  path: string,
  cause?: unknown,
): ApiError {
  const vars = { status };
  return new ApiError(
    status,
    {
      code: `client.${key}`,
      message: i18n.t(`errors.${key}`, { ...vars, lng: 'ja' }),
      messageEn: i18n.t(`errors.${key}`, { ...vars, lng: 'en' }),
    },
    path,
    { cause },
  );
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** An ApiError for a non-2xx answer: the server's error body when it sent one, else a generic text. */
async function failure(response: Response, path: string): Promise<ApiError> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch (error) {
    return clientError(response.status, 'http', path, error);
  }
  const parsed = apiErrorSchema.safeParse(body);
  return parsed.success ? new ApiError(response.status, parsed.data.error, path) : clientError(response.status, 'http', path);
}

/** fetch with the session cookie and, on state-changing methods, the CSRF header; a network failure becomes ApiError. */
async function send(
  path: string,
  query: Record<string, QueryValue> | undefined,
  method: Method,
  init: { headers: Headers; body: BodyInit | null; signal?: AbortSignal | undefined },
): Promise<Response> {
  const token = getCsrfToken();
  if (UNSAFE_METHODS.has(method) && token) init.headers.set(CSRF_HEADER, token);
  try {
    return await fetch(buildUrl(path, query), {
      method,
      headers: init.headers,
      body: init.body,
      credentials: 'include',
      cache: 'no-store',
      signal: init.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw clientError(0, 'network', path, error);
  }
}

async function parseBody(response: Response, path: string, schema: z.ZodType | undefined): Promise<unknown> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch (error) {
    throw clientError(response.status, 'invalidResponse', path, error);
  }
  if (!schema) return body;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw clientError(response.status, 'invalidResponse', path, parsed.error);
  return parsed.data;
}

/**
 * Same-origin JSON request (internal: features call endpoints through `call`). Sends the session cookie, adds the CSRF header on state-changing
 * methods, throws ApiError for every non-2xx answer, and validates the body when a schema is given.
 */
async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions & { schema: S }): Promise<z.output<S>>;
async function apiRequest(path: string, options?: RequestOptions): Promise<unknown>;
async function apiRequest(path: string, options: RequestOptions & { schema?: z.ZodType } = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ accept: 'application/json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const body = options.body === undefined ? null : JSON.stringify(options.body);
  const response = await send(path, options.query, method, { headers, body, signal: options.signal });
  if (!response.ok) throw await failure(response, path);
  return parseBody(response, path, options.schema);
}

export interface UploadOptions {
  query?: Record<string, QueryValue>;
  /** Extra request headers (e.g. x-declared-type). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * POST of a file's raw bytes (application/octet-stream), with the cookie and the CSRF header;
 * the answer is JSON like apiRequest's. A 413 carries the server's limit in its message.
 */
async function apiUpload<S extends z.ZodType>(path: string, file: Blob, options: UploadOptions & { schema: S }): Promise<z.output<S>> {
  const headers = new Headers({ accept: 'application/json', 'content-type': 'application/octet-stream', ...options.headers });
  const response = await send(path, options.query, 'POST', { headers, body: file, signal: options.signal });
  if (!response.ok) throw await failure(response, path);
  return parseBody(response, path, options.schema) as Promise<z.output<S>>;
}

/** A file name from Content-Disposition: the UTF-8 `filename*` when given, else `filename`. */
function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // malformed escape: fall back to the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

/**
 * GET of a file (an export): the bytes and the name the server gave. Unlike a plain link, a
 * refusal (too many rows, no permission) comes back as ApiError with the server's message.
 */
async function apiDownload(path: string, options: { query?: Record<string, QueryValue>; signal?: AbortSignal } = {}) {
  const headers = new Headers({ accept: '*/*' });
  const response = await send(path, options.query, 'GET', { headers, body: null, signal: options.signal });
  if (!response.ok) throw await failure(response, path);
  const blob = await response.blob();
  return { blob, fileName: dispositionName(response.headers.get('content-disposition')) };
}

type Query = Record<string, QueryValue>;

/**
 * Call an endpoint declared in src/contracts: the path is built from its params, the body and
 * query are typed by its schemas, and the answer is parsed with its success schema.
 */
export function call<E extends AnyEndpoint>(
  endpoint: E,
  ...[input]: object extends CallInput<E>
    ? [input?: CallInput<E> & { signal?: AbortSignal }]
    : [input: CallInput<E> & { signal?: AbortSignal }]
): Promise<EndpointOutput<E>> {
  const i = (input ?? {}) as { body?: unknown; query?: Query; params?: Record<string, unknown>; signal?: AbortSignal };
  return apiRequest(endpointPath(endpoint.path, i.params), {
    method: endpoint.method,
    body: i.body,
    query: i.query,
    signal: i.signal,
    schema: successSchema(endpoint) as z.ZodType,
  }) as Promise<EndpointOutput<E>>;
}

/** Send a file's raw bytes to an upload endpoint (`upload: true` in its contract). */
export function upload<E extends AnyEndpoint>(
  endpoint: E,
  file: Blob,
  input: Omit<CallInput<E>, 'body'> & { headers?: Record<string, string>; signal?: AbortSignal },
): Promise<EndpointOutput<E>> {
  const i = input as { query?: Query; params?: Record<string, unknown>; headers?: Record<string, string>; signal?: AbortSignal };
  return apiUpload(endpointPath(endpoint.path, i.params), file, {
    query: i.query,
    headers: i.headers,
    signal: i.signal,
    schema: successSchema(endpoint) as z.ZodType,
  }) as Promise<EndpointOutput<E>>;
}

/** Fetch a download endpoint (`response: 'file'`): the bytes and the server's file name. */
export function download<E extends AnyEndpoint & { response: 'file' }>(endpoint: E, input: CallInput<E> & { signal?: AbortSignal }) {
  const i = input as { query?: Query; params?: Record<string, unknown>; signal?: AbortSignal };
  return apiDownload(endpointPath(endpoint.path, i.params), { query: i.query, signal: i.signal });
}

/** The URL of a download endpoint, for a plain link (the browser then sends the cookie itself). */
export function endpointUrl<E extends AnyEndpoint>(endpoint: E, params: CallInput<E>['params']): string {
  return endpointPath(endpoint.path, params as Record<string, unknown> | undefined);
}

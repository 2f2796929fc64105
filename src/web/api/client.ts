import type { z } from 'zod';
import { CSRF_HEADER } from '../../contracts/auth.contracts.js';
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

/** An error raised in the browser, with its text in both languages from the i18n resources. */
function clientError(status: number, key: 'network' | 'http' | 'invalidResponse', path: string, cause?: unknown): ApiError {
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

/**
 * Same-origin JSON request. Sends the session cookie, adds the CSRF header on state-changing
 * methods, throws ApiError for every non-2xx answer, and validates the body when a schema is given.
 */
export async function apiRequest<S extends z.ZodType>(path: string, options: RequestOptions & { schema: S }): Promise<z.output<S>>;
export async function apiRequest(path: string, options?: RequestOptions): Promise<unknown>;
export async function apiRequest(path: string, options: RequestOptions & { schema?: z.ZodType } = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ accept: 'application/json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const token = getCsrfToken();
  if (UNSAFE_METHODS.has(method) && token) headers.set(CSRF_HEADER, token);

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'include',
      cache: 'no-store',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw clientError(0, 'network', path, error);
  }

  let body: unknown;
  try {
    body = await readJson(response);
  } catch (error) {
    throw clientError(response.status, response.ok ? 'invalidResponse' : 'http', path, error);
  }

  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) throw new ApiError(response.status, parsed.data.error, path);
    throw clientError(response.status, 'http', path);
  }

  if (!options.schema) return body;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw clientError(response.status, 'invalidResponse', path, parsed.error);
  return parsed.data;
}

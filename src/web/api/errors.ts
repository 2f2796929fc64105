import type { ApiError as ApiErrorBody } from '../../contracts/errors.contracts.js';

type ErrorPayload = ApiErrorBody['error'];

/**
 * Any failed API call. `message` is the Japanese text from the server (shown to people),
 * `messageEn` its English twin. Errors raised in the browser (network down, unreadable
 * response) use codes starting with `client.` and carry both languages too.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly requestId: string | undefined;
  readonly details: ErrorPayload['details'];
  /** Request path, so global handlers can ignore e.g. the login endpoint. */
  readonly path: string;

  constructor(status: number, payload: ErrorPayload, path: string, options?: { cause?: unknown }) {
    super(payload.message, options);
    this.name = 'ApiError';
    this.status = status;
    this.code = payload.code;
    this.messageEn = payload.messageEn;
    this.requestId = payload.requestId;
    this.details = payload.details;
    this.path = path;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Worth offering "retry": the network or the server failed, not the request itself. */
export function isRetryable(error: unknown): boolean {
  return !isApiError(error) || error.status === 0 || error.status >= 500;
}

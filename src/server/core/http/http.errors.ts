import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiError } from '../../../contracts/errors.contracts.js';
import { type AppError, isAppError } from '../errors/app-error.js';
import { bodyTooLarge, coreErrors } from '../errors/core.errors.js';

export function errorBody(e: AppError, requestId: string): ApiError {
  return {
    error: {
      code: e.code,
      message: e.messageJa,
      messageEn: e.messageEn,
      requestId,
      ...(e.details ? { details: e.details } : {}),
    },
  };
}

/** Map Fastify's own errors (parsing, limits, validation) onto our catalogue. */
function translate(err: FastifyError, bodyLimit: number, requestId: string, routeLimit?: number): AppError {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const details = err.validation.map((v) => {
      const p = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return { path: p ? `${where}.${p}` : where, message: v.message ?? '' };
    });
    return coreErrors.create('http.validation_failed', undefined, { details });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return coreErrors.create('http.unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(routeLimit ?? bodyLimit);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return coreErrors.create('http.malformed_json');
  }
  if (err.statusCode === 400 && err instanceof SyntaxError) return coreErrors.create('http.malformed_json');
  return coreErrors.create('http.internal', { requestId }, { cause: err });
}

export function makeErrorHandler(bodyLimit: number) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const e = translate(err, bodyLimit, req.id, req.routeOptions?.bodyLimit);
    req.errorCode = e.code;
    if (e.status >= 500) {
      // Log the cause's message and stack, never the request body.
      req.log.error({ err: e.cause ?? err, code: e.code }, 'request failed');
    } else {
      req.log.info({ code: e.code }, 'request rejected');
    }
    return reply.status(e.status).type('application/json').send(errorBody(e, req.id));
  };
}

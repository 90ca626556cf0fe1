import { HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { dataFailureOf } from '@app/persistence';
import { currentRequestId } from '@app/platform';
import { ApiErrorBody, FieldError } from './api-error';
import { ApiException } from './domain-errors';
import { allowedMethods } from './method-not-allowed';
import { isUnavailable } from './unavailable';

const CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'DOMAIN_RULE_VIOLATION',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const logger = new Logger('http');

/** What a caller is told to wait after a 503: long enough for a restarted worker or database to come back. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The single place where errors become HTTP responses: one body shape, a request id, no stack traces, no
 * request content and no SQL parameters leaked or logged. Used by the Nest filter (controllers, guards, pipes)
 * and by the Express error handler in front of them (body parsing and request-shape checks), so a body that
 * is too large answers exactly like a field that is invalid.
 */
export function respondWithError(exception: unknown, req: Request, res: Response): void {
  const allow = unmatchedRoute(exception, req) ? allowedMethods(req.path) : undefined;
  const body: ApiErrorBody = allow
    ? {
        statusCode: 405,
        code: 'METHOD_NOT_ALLOWED',
        message: `${req.method} is not allowed here; allowed: ${allow.join(', ')}`,
        requestId: currentRequestId() ?? 'unknown',
      }
    : errorBodyOf(exception);
  const level = body.statusCode >= 500 ? 'error' : 'warn';
  logger[level]({
    msg: 'request failed',
    requestId: body.requestId,
    method: req.method,
    route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
    status: body.statusCode,
    code: body.code,
    // The error's class and, for database errors, the SQLSTATE: never its message (it may quote values).
    ...(body.statusCode >= 500 ? { error: errorKind(exception) } : {}),
  });
  if (res.headersSent) return;
  if (body.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(body.retryAfterSeconds));
  if (allow) res.setHeader('Allow', allow.join(', '));
  res.status(body.statusCode).type('application/json').json(body);
}

/** Nest's answer for a request no route matched (a 404 without a matched route). */
function unmatchedRoute(exception: unknown, req: Request): boolean {
  return exception instanceof NotFoundException && req.route === undefined;
}

/** Express error-handling middleware with the same answer (registered right after the body parser). */
export function expressErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  respondWithError(error, req, res);
}

export function errorBodyOf(exception: unknown): ApiErrorBody {
  const requestId = currentRequestId() ?? 'unknown';
  if (exception instanceof ApiException) {
    return {
      statusCode: exception.getStatus(),
      code: exception.code,
      message: exception.message,
      requestId,
      ...exception.extra,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const messages =
      typeof response === 'object' && response !== null
        ? (response as { message?: unknown }).message
        : undefined;
    const errors = statusCode === 400 && Array.isArray(messages) ? toFieldErrors(messages) : undefined;
    // A failed health check keeps its per-dependency details (which of database/temporal is down).
    const details = (response as { details?: Record<string, unknown> } | undefined)?.details;
    return {
      statusCode,
      code: CODES[statusCode] ?? 'HTTP_ERROR',
      message: errors ? 'The request has invalid fields' : exception.message,
      requestId,
      ...(errors ? { errors } : {}),
      ...(details && typeof response === 'object' ? { details } : {}),
    };
  }
  const clientError = clientErrorOf(exception);
  if (clientError) return { ...clientError, requestId };
  if (isUnavailable(exception)) {
    return {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'SERVICE_UNAVAILABLE',
      message: 'A backing service (workflow engine or database) is unavailable; retry later',
      requestId,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error', requestId };
}

/**
 * Errors that are the caller's, raised below the controllers:
 * - Express's body parser (http-errors with `expose`): too large → 413, bad JSON → 400, an unsupported or
 *   lying Content-Encoding or charset → 415/400;
 * - PostgreSQL's "data exception" class 22 (a value out of range, a byte the encoding refuses): the last line
 *   of defence behind validation, so an input no validator foresaw is still the caller's 400, not a 500.
 */
function clientErrorOf(exception: unknown): Omit<ApiErrorBody, 'requestId'> | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { status?: unknown; expose?: unknown; type?: unknown };
  if (e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return {
      statusCode: e.status,
      code: CODES[e.status] ?? 'HTTP_ERROR',
      message: BODY_PARSER_MESSAGES[String(e.type)] ?? 'The request could not be read',
    };
  }
  if (dataFailureOf(exception)?.sqlState.startsWith('22')) {
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'A value in the request is out of range or holds characters that cannot be stored',
    };
  }
  return undefined;
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.too.large': 'The request body is larger than this API accepts',
  'entity.parse.failed': 'The request body is not valid JSON',
  'encoding.unsupported': 'The request body has a Content-Encoding this API does not accept',
  'charset.unsupported': 'The request body has a charset this API does not accept',
  'entity.verify.failed': 'The request body was refused',
  'request.aborted': 'The request was aborted',
  'request.size.invalid': 'The request body does not match its Content-Length',
};

function errorKind(exception: unknown): string {
  if (!(exception instanceof Error)) return typeof exception;
  const sqlState = (exception as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof sqlState === 'string' ? `${exception.name} ${sqlState}` : exception.name;
}

/**
 * class-validator messages start with the property path ("domain must be …", "bsn should not exist"), or,
 * for arrays validated with `each`, with "each value in <property> …".
 */
function toFieldErrors(messages: unknown[]): FieldError[] {
  return messages.map((m) => {
    const text = String(m);
    const unknown = /^property (\S+) should not exist$/.exec(text);
    if (unknown) return { field: unknown[1], message: `${unknown[1]} is not a known field` };
    const each = /^each value in (?:nested property )?(\S+) /.exec(text);
    if (each) return { field: each[1], message: text };
    return { field: text.split(' ')[0] ?? '', message: text };
  });
}

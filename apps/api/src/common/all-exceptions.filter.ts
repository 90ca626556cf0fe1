import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiErrorBody, FieldError } from './api-error';
import { ApiException } from './domain-errors';
import { isUnavailable } from './unavailable';
import { currentRequestId } from '@app/platform';

const CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'DOMAIN_RULE_VIOLATION',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The single place where errors become HTTP responses: one body shape, a request id, no stack traces or
 * internal messages leaked. Infrastructure outages (Temporal, PostgreSQL) become 503 so callers retry.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception);
    const level = body.statusCode >= 500 ? 'error' : 'warn';
    this.logger[level]({
      msg: 'request failed',
      requestId: body.requestId,
      method: req.method,
      route: req.route?.path ?? 'unmatched',
      status: body.statusCode,
      code: body.code,
      ...(body.statusCode >= 500
        ? { error: exception instanceof Error ? exception.message : String(exception) }
        : {}),
    });
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
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
    if (isUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'SERVICE_UNAVAILABLE',
        message: 'A backing service (workflow engine or database) is unavailable; retry later',
        requestId,
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error', requestId };
  }
}

/** class-validator messages start with the property path ("domain must be …", "bsn should not exist"). */
function toFieldErrors(messages: unknown[]): FieldError[] {
  return messages.map((m) => {
    const text = String(m);
    const match = /^property (\S+) should not exist$/.exec(text);
    if (match) return { field: match[1], message: `${match[1]} is not a known field` };
    return { field: text.split(' ')[0] ?? '', message: text };
  });
}

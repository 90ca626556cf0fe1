import { HttpException, HttpStatus } from '@nestjs/common';

/** Errors the services throw; the exception filter turns them into the one error body. */
export class ApiException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    readonly extra: {
      errors?: { field: string; message: string }[];
      currentStatus?: string;
      allowedActions?: string[];
      /** Sent as the `Retry-After` header too (429, 503). */
      retryAfterSeconds?: number;
      /** Chain messages (issue 17): the standard's retour codes of the refusal. */
      retour?: { code: string; text: string; about?: string; detail?: string }[];
    } = {},
  ) {
    super(message, status);
  }
}

export const notFound = (what: string) =>
  new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);

/** 400 with field errors, for checks beyond the DTO's (a cursor, a tenant, a URL policy). */
export const invalidFields = (errors: { field: string; message: string }[]) =>
  new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request has invalid fields', { errors });

/** 422 naming the field whose value breaks a rule the API checks before the workflow (a register fact). */
export const domainViolation = (field: string, message: string) =>
  new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, 'DOMAIN_RULE_VIOLATION', message, {
    errors: [{ field, message }],
  });

/** 403 for acting on behalf of a tenant the caller does not act for. */
export const forbiddenTenant = (what: string) =>
  new ApiException(HttpStatus.FORBIDDEN, 'FORBIDDEN', `You do not act for ${what}`);

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
    } = {},
  ) {
    super(message, status);
  }
}

export const notFound = (what: string) =>
  new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);

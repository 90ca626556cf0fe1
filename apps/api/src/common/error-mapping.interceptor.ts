import { CallHandler, Injectable, NestInterceptor, type Type } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import type { ApiException } from './domain-errors';

/**
 * An interceptor that turns one library's error type into an ApiException (its status, code and field
 * errors); the global AllExceptionsFilter then writes the one error body. Other errors pass unchanged.
 */
export function errorMappingInterceptor<E extends Error>(
  errorType: abstract new (...args: never[]) => E,
  toApiException: (error: E) => ApiException,
): Type<NestInterceptor> {
  @Injectable()
  class ErrorMappingInterceptor implements NestInterceptor {
    intercept(_context: unknown, next: CallHandler): Observable<unknown> {
      return next
        .handle()
        .pipe(
          catchError((error: unknown) =>
            throwError(() => (error instanceof errorType ? toApiException(error) : error)),
          ),
        );
    }
  }
  return ErrorMappingInterceptor;
}

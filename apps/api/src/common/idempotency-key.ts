import { createParamDecorator, ExecutionContext, HttpStatus, SetMetadata } from '@nestjs/common';
import { ApiException } from './domain-errors';

/** What an Idempotency-Key may be; the OpenAPI document states the same pattern. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,120}$/;

/** The optional `Idempotency-Key` header, validated (8-120 safe characters). */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest().header('idempotency-key') as string | undefined;
    if (value === undefined) return undefined;
    if (!IDEMPOTENCY_KEY.test(value)) throw invalidIdempotencyKey();
    return value;
  },
);

/** The 400 for a key outside IDEMPOTENCY_KEY, with its field error. */
export function invalidIdempotencyKey(): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request has invalid fields', {
    errors: [
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 8-120 letters, digits or . _ : -' },
    ],
  });
}

export const OWN_IDEMPOTENCY_KEY = 'idempotency:own';

/**
 * Routes whose requests carry their own identity (an iJw/iWmo message's identification, TR056) and whose
 * answers may hold a client's personal data, which must not be stored: the API remembers no response for
 * them; a repeat is answered by the route itself.
 */
export const OwnIdempotency = () => SetMetadata(OWN_IDEMPOTENCY_KEY, true);

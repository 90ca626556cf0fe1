import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../common/domain-errors';

/** Keyset cursor over (created_at, id): stable under inserts, O(log n) per page on the index. */
export interface Keyset {
  at: string;
  id: string;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.at, k.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at)))
      throw new Error('shape');
    return { at, id };
  } catch {
    throw new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'The request has invalid fields', {
      errors: [{ field: 'cursor', message: 'cursor is not one this API gave out' }],
    });
  }
}

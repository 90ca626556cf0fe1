import { LedgerError } from './ledger-error';

/**
 * Opaque keyset cursor over a bigint id: lists are ordered by id, and the next page starts after the last
 * id seen, so pages stay stable while new rows arrive (no OFFSET drift).
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`id:${lastId}`, 'utf8').toString('base64url');
}

const MAX_BIGINT = 9223372036854775807n;

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^id:(\d{1,19})$/.exec(text);
  // Nineteen digits can still exceed a bigint; PostgreSQL would refuse that as an out-of-range value.
  if (!match || BigInt(match[1]) > MAX_BIGINT)
    throw new LedgerError('INVALID_INPUT', 'cursor is not a cursor this API issued');
  return match[1];
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new LedgerError('INVALID_INPUT', `limit must be 1..${MAX_PAGE_SIZE}, got ${String(limit)}`);
  }
  return limit;
}

import { LedgerError } from './ledger-error';

/**
 * PostgreSQL bigint arrives from `pg` as a string. Money is integer cents and must stay exact, so a value
 * that does not fit a safe integer is an error, never a rounded number.
 */
export function centsFromDb(value: string | number | bigint | null | undefined, field: string): number {
  if (value === null || value === undefined) throw new Error(`${field} is null`);
  const exact = typeof value === 'bigint' ? value : BigInt(value);
  const result = Number(exact);
  if (!Number.isSafeInteger(result)) throw new Error(`${field} = ${exact} cents does not fit a safe integer`);
  return result;
}

/** Throws INVALID_INPUT unless `value` is a safe integer of cents (≥ 0 unless `signed`). */
export function assertInputCents(value: unknown, field: string, signed = false): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || (!signed && value < 0)) {
    throw new LedgerError(
      'INVALID_INPUT',
      `${field} must be a ${signed ? '' : 'non-negative '}safe integer of cents, got ${String(value)}`,
    );
  }
}

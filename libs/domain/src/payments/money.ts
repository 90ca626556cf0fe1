import { PaymentRuleError } from './payment-rule-error';

/**
 * An amount in integer euro cents (style.md: money is integer euro cents). Always a safe integer, so sums
 * and comparisons are exact; multiplications that could pass 2^53 go through BigInt (mulDivFloor).
 */
export type Cents = number;

/** Throws INVALID_CENTS unless `value` is a non-negative safe integer. */
export function assertCents(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PaymentRuleError(
      'INVALID_CENTS',
      `${field} must be a non-negative safe integer of cents, got ${String(value)}`,
    );
  }
}

/** Throws INVALID_CENTS unless `value` is a safe integer (sign allowed: only declared corrections use it). */
export function assertSignedCents(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new PaymentRuleError(
      'INVALID_CENTS',
      `${field} must be a safe integer of cents, got ${String(value)}`,
    );
  }
}

function toSafeNumber(value: bigint, what: string): Cents {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) {
    throw new PaymentRuleError('AMOUNT_OVERFLOW', `${what} does not fit in a safe integer of cents`);
  }
  return result;
}

/**
 * floor(value × numerator / denominator) for value ≥ 0, numerator ≥ 0, denominator > 0, computed in BigInt
 * so that no cent is lost when value × numerator passes 2^53 (domain.md §7.7 "Computation": integer cents).
 */
export function mulDivFloor(value: Cents, numerator: number, denominator: number): Cents {
  assertCents(value, 'value');
  if (!Number.isSafeInteger(numerator) || numerator < 0) {
    throw new PaymentRuleError(
      'INVALID_SPLIT',
      `numerator must be a non-negative safe integer, got ${numerator}`,
    );
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new PaymentRuleError(
      'INVALID_SPLIT',
      `denominator must be a positive safe integer, got ${denominator}`,
    );
  }
  // Both operands are non-negative, so BigInt's truncating division is a floor.
  return toSafeNumber(
    (BigInt(value) * BigInt(numerator)) / BigInt(denominator),
    'value × numerator / denominator',
  );
}

/** The exact sum of signed cent amounts; AMOUNT_OVERFLOW when it leaves the safe-integer range. */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0n;
  for (const amount of amounts) {
    assertSignedCents(amount, 'amount');
    total += BigInt(amount);
  }
  return toSafeNumber(total, 'sum of amounts');
}

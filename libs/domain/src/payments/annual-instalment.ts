import { assertCents, Cents, mulDivFloor } from './money';
import { PaymentRuleError } from './payment-rule-error';

function assertPositiveInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new PaymentRuleError('INVALID_PERIOD', `${field} must be a positive integer, got ${String(value)}`);
  }
}

/**
 * Which instalment of the indication year a 1-based period of the trajectory is. Years run from the start of
 * care, because the high-complexity reassessment falls one year after the start (domain.md §7.5, R-TIME-02).
 */
export function instalmentOfYear(periodIndex: number, instalmentsPerYear: number): number {
  assertPositiveInteger(periodIndex, 'periodIndex');
  assertPositiveInteger(instalmentsPerYear, 'instalmentsPerYear');
  return ((periodIndex - 1) % instalmentsPerYear) + 1;
}

/**
 * Instalment i (1-based) of an annual price paid in n instalments (domain.md §7.7 ANNUAL_HIGH_COMPLEX,
 * DEFAULT: monthly instalments of the annual price): floor(A·i/n) − floor(A·(i−1)/n).
 * After i instalments exactly floor(A·i/n) has been paid, so the n instalments sum to A to the cent and each
 * differs from A/n by less than one cent; the remainder cents fall on a fixed, evenly spread set of months.
 */
export function annualInstalmentCents(
  annualPriceCents: Cents,
  instalment: number,
  instalmentsPerYear: number,
): Cents {
  assertCents(annualPriceCents, 'annualPriceCents');
  assertPositiveInteger(instalmentsPerYear, 'instalmentsPerYear');
  assertPositiveInteger(instalment, 'instalment');
  if (instalment > instalmentsPerYear) {
    throw new PaymentRuleError(
      'INVALID_PERIOD',
      `instalment ${instalment} is past ${instalmentsPerYear} per year`,
    );
  }
  return (
    mulDivFloor(annualPriceCents, instalment, instalmentsPerYear) -
    mulDivFloor(annualPriceCents, instalment - 1, instalmentsPerYear)
  );
}

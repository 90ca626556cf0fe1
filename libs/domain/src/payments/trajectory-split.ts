import { assertCents, Cents, mulDivFloor } from './money';
import { PaymentRuleError } from './payment-rule-error';

/** The share of a trajectory price paid at the start: numerator / denominator (domain.md §3.1). */
export interface TrajectorySplit {
  readonly numerator: number;
  readonly denominator: number;
}

/** A trajectory price (trajectprijs) split into the tranche paid at the start and the one paid at the end. */
export interface SplitTrajectoryPrice {
  readonly initial: Cents;
  readonly final: Cents;
}

/**
 * Throws INVALID_SPLIT unless 0 < numerator < denominator, both safe integers: a split must leave
 * something for each of the two tranches, or it is not a split.
 */
export function assertTrajectorySplit(numerator: number, denominator: number): void {
  const integers = Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator);
  if (!integers || numerator <= 0 || numerator >= denominator) {
    throw new PaymentRuleError(
      'INVALID_SPLIT',
      `a split needs integers 0 < numerator < denominator, got ${String(numerator)}/${String(denominator)}`,
    );
  }
}

/**
 * domain.md §7.7 "Computation": initial = floor(tariff × num / den), final = tariff − initial, so the two
 * tranches always add up to the tariff to the cent (R-PAY-01: 10000 → 6666 + 3334).
 */
export function splitTrajectoryPrice(
  tariffCents: Cents,
  numerator: number,
  denominator: number,
): SplitTrajectoryPrice {
  assertCents(tariffCents, 'tariffCents');
  assertTrajectorySplit(numerator, denominator);
  const initial = mulDivFloor(tariffCents, numerator, denominator);
  return { initial, final: tariffCents - initial };
}

/** The initial share of a tariff under a split: the `initial` of splitTrajectoryPrice. */
export function initialShareCents(tariffCents: Cents, split: TrajectorySplit): Cents {
  return splitTrajectoryPrice(tariffCents, split.numerator, split.denominator).initial;
}

/** "2/3", for basis texts. */
export function splitLabel(split: TrajectorySplit): string {
  return `${split.numerator}/${split.denominator}`;
}

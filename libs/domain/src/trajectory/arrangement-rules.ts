import { isPaymentPolicyPreset, isPricingBasis, presetFitsBasis } from '../payments';
import type { PricingBasis } from '../payments';
import type { PaymentPeriodLength } from '../policy';
import type { ArrangementTerms, TrajectoryType } from '../shared/arrangement-terms';
import { currentDecision } from './care-decision';
import { isNonEmptyString, violation } from '../shared/rule-helpers';
import type { TrajectoryState } from './trajectory-state';
import type { RuleViolation } from '../shared/transition-rejected';

const TRAJECTORY_TYPES: readonly TrajectoryType[] = ['RECOVERY', 'DURABLE', 'ANNUAL_HIGH_COMPLEX', 'OTHER'];

/** The period code that belongs to a pricing basis (domain.md §7.2 Arrangement `periodLength`). */
const PERIOD_OF_BASIS: Partial<Record<PricingBasis, PaymentPeriodLength>> = {
  PER_MONTH: 'P1M',
  PER_4_WEEKS: 'P4W',
  PER_YEAR_AVERAGE: 'P1Y',
};

/**
 * Violations of an arrangement as the API passed it: a code, an average tariff in whole cents (R-TAR-05,
 * style: money is integer cents), a known pricing basis with a matching period, and the trajectory's own
 * domain and segment (domain.md §7.4 "valid for domain and segment").
 */
export function arrangementViolations(
  state: TrajectoryState,
  terms: unknown,
  field: string,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (typeof terms !== 'object' || terms === null) return [violation(field, 'an arrangement is required')];
  const t = terms as Partial<ArrangementTerms>;
  if (!isNonEmptyString(t.code)) out.push(violation(`${field}.code`, 'arrangement code is required'));
  if (typeof t.tariffCents !== 'number' || !Number.isSafeInteger(t.tariffCents) || t.tariffCents < 0) {
    out.push(violation(`${field}.tariffCents`, 'tariff must be a non-negative whole number of cents'));
  }
  if (!isPricingBasis(t.pricingBasis)) {
    out.push(violation(`${field}.pricingBasis`, 'unknown pricing basis'));
  } else if (t.periodLength !== undefined && PERIOD_OF_BASIS[t.pricingBasis] !== t.periodLength) {
    out.push(violation(`${field}.periodLength`, `${String(t.periodLength)} does not fit ${t.pricingBasis}`));
  }
  if (!TRAJECTORY_TYPES.includes(t.trajectoryType as TrajectoryType)) {
    out.push(violation(`${field}.trajectoryType`, 'unknown trajectory type'));
  }
  if (t.domain !== undefined && t.domain !== state.domain) {
    out.push(
      violation(`${field}.domain`, `arrangement is for ${t.domain}, the trajectory is ${state.domain}`),
    );
  }
  if (t.segment !== undefined && t.segment !== state.segment) {
    out.push(
      violation(
        `${field}.segment`,
        `arrangement is for segment ${t.segment}, the trajectory is ${state.segment}`,
      ),
    );
  }
  // R-TAR-03, decisions.md 2: a region's own catalogue prices its trajectories; another region's is not theirs.
  if (t.regionId !== undefined && t.regionId !== state.policy.regionId) {
    out.push(
      violation(
        `${field}.regionId`,
        `arrangement is from the catalogue of ${t.regionId}, the trajectory belongs to ${state.policy.regionId} (R-TAR-03)`,
      ),
    );
  }
  if (
    t.paymentPreset !== undefined &&
    (!isPaymentPolicyPreset(t.paymentPreset) ||
      !isPricingBasis(t.pricingBasis) ||
      !presetFitsBasis(t.paymentPreset, t.pricingBasis))
  ) {
    out.push(
      violation(
        `${field}.paymentPreset`,
        `${String(t.paymentPreset)} cannot pay an arrangement priced ${String(t.pricingBasis)} (decisions.md 1)`,
      ),
    );
  }
  return out;
}

/**
 * After the start of care the pricing basis is fixed: the payment policy frozen at the decision pays one
 * basis only (payments: PRICING_BASIS_MISMATCH; domain.md §7.8 has no rule for a change of basis).
 */
export function sameBasisViolations(
  state: TrajectoryState,
  terms: ArrangementTerms,
  field: string,
): RuleViolation[] {
  const decision = currentDecision(state);
  if (decision === undefined || state.startedAt === undefined || !isPricingBasis(terms.pricingBasis)) {
    return [];
  }
  if (terms.pricingBasis === decision.arrangement.pricingBasis) return [];
  return [
    violation(
      `${field}.pricingBasis`,
      `care started under ${decision.arrangement.pricingBasis}; a change to ${terms.pricingBasis} needs a new trajectory`,
    ),
  ];
}

/** Both checks: a valid arrangement that the running payment policy can pay. */
export function payableArrangementViolations(
  state: TrajectoryState,
  terms: unknown,
  field: string,
): RuleViolation[] {
  const out = arrangementViolations(state, terms, field);
  return out.length > 0 ? out : sameBasisViolations(state, terms as ArrangementTerms, field);
}

import { isTrajectoryPricedPreset } from './payment-policy-preset';
import type { PaymentPolicyPreset, TrajectoryPricedPreset } from './payment-policy-preset';
import { paymentPolicyFor } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import { isPricingBasis } from './pricing-basis';
import type { PricingBasis } from './pricing-basis';

export interface PaymentPolicySelection {
  /** The pricing basis the arrangement catalogue gives the arrangement (decisions.md 1). */
  readonly arrangementPricingBasis: PricingBasis;
  /** The region's split for trajectory-priced arrangements; WF_RECOVERY when absent (decisions.md 7). */
  readonly regionTrajectorySplit?: TrajectoryPricedPreset;
  /** The arrangement's own preset from the catalogue, when it carries one; it wins over the region's. */
  readonly arrangementPreset?: PaymentPolicyPreset;
}

/** decisions.md 1: each pricing basis other than PER_TRAJECTORY has exactly one preset. */
const PRESET_FOR_BASIS: Readonly<Record<Exclude<PricingBasis, 'PER_TRAJECTORY'>, PaymentPolicyPreset>> = {
  PER_MONTH: 'MONTHLY',
  PER_4_WEEKS: 'PERIOD_4W_BLOCKS',
  PER_YEAR_AVERAGE: 'ANNUAL_HIGH_COMPLEX',
  TASK: 'TASK_BUDGET',
};

/**
 * Whether an arrangement's own preset can pay its pricing basis (the catalogue's CHECK
 * ck_arrangement_preset_fits_basis, here for the workflow): PER_TRAJECTORY takes any trajectory split, every
 * other basis only its one preset. TASK is not paid per client (R-TAR-11), so no arrangement carries it.
 */
export function presetFitsBasis(preset: unknown, basis: PricingBasis): boolean {
  if (basis === 'PER_TRAJECTORY') return isTrajectoryPricedPreset(preset);
  return basis !== 'TASK' && preset === PRESET_FOR_BASIS[basis];
}

/**
 * The policy a trajectory freezes at decision time (decisions.md 1 and 7, domain.md §7.7): PER_TRAJECTORY
 * takes the region's split (default WF_RECOVERY, R-PAY-01); every other basis maps to its one preset. The
 * region split is ignored for other bases: it is a setting for trajectory-priced arrangements only.
 */
export function selectPaymentPolicy(selection: PaymentPolicySelection): PaymentPolicy {
  const { arrangementPricingBasis, regionTrajectorySplit, arrangementPreset } = selection;
  if (!isPricingBasis(arrangementPricingBasis)) {
    throw new PaymentRuleError(
      'UNKNOWN_PRICING_BASIS',
      `unknown pricing basis ${String(arrangementPricingBasis)}`,
    );
  }
  if (arrangementPreset !== undefined && !presetFitsBasis(arrangementPreset, arrangementPricingBasis)) {
    throw new PaymentRuleError(
      'PRESET_DOES_NOT_FIT_BASIS',
      `preset ${String(arrangementPreset)} cannot pay an arrangement priced ${arrangementPricingBasis}`,
    );
  }
  if (arrangementPricingBasis !== 'PER_TRAJECTORY') {
    return paymentPolicyFor(PRESET_FOR_BASIS[arrangementPricingBasis]);
  }
  if (arrangementPreset !== undefined) return paymentPolicyFor(arrangementPreset);
  if (regionTrajectorySplit === undefined) return paymentPolicyFor('WF_RECOVERY');
  if (!isTrajectoryPricedPreset(regionTrajectorySplit)) {
    throw new PaymentRuleError(
      'NOT_A_TRAJECTORY_SPLIT',
      `region trajectory split must be WF_RECOVERY, FRIESLAND_70_30 or WBW_50_50, got ${String(regionTrajectorySplit)}`,
    );
  }
  return paymentPolicyFor(regionTrajectorySplit);
}

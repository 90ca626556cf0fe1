import {
  isPaymentPolicyPreset,
  isPeriodPricedPreset,
  isTrajectoryPricedPreset,
} from './payment-policy-preset';
import type { PaymentPolicyPreset } from './payment-policy-preset';
import { PaymentRuleError } from './payment-rule-error';
import type { PricingBasis } from './pricing-basis';
import { assertTrajectorySplit } from './trajectory-split';
import type { TrajectorySplit } from './trajectory-split';

/**
 * How often a periodic tranche falls due. The same codes as the Arrangement's `periodLength`
 * (domain.md §7.2), so the workflow can look the duration up in the region policy (paymentPeriods).
 */
export type TranchePeriodLength = 'P1M' | 'P4W';

/**
 * The payment rules a trajectory freezes when its CareDecision is taken (decisions.md 2: a trajectory keeps
 * the policy version it started with). Plain JSON, so it travels in workflow input and continue-as-new
 * state; the numbers live in the snapshot, so a later change to the presets never reprices a running
 * trajectory.
 */
export interface PaymentPolicy {
  readonly preset: PaymentPolicyPreset;
  readonly pricingBasis: PricingBasis;
  readonly policyVersion: string;
  /** Trajectory-priced presets only: the share paid at the start. */
  readonly split?: TrajectorySplit;
  /** Period-priced presets only: the length of one paid period. */
  readonly periodLength?: TranchePeriodLength;
  /** ANNUAL_HIGH_COMPLEX only: instalments per year of the annual price. */
  readonly instalmentsPerYear?: number;
}

/** Version of the built-in preset definitions below; bump it when any number in them changes. */
export const PRESET_DEFINITIONS_VERSION = 'presets-v1';

function frozen(policy: PaymentPolicy): PaymentPolicy {
  if (policy.split !== undefined) Object.freeze(policy.split);
  return Object.freeze(policy);
}

const PRESET_DEFINITIONS: Readonly<Record<PaymentPolicyPreset, PaymentPolicy>> = {
  // domain.md §7.7 WF_RECOVERY, R-PAY-01: 2/3 of the tariff at the start, 1/3 after completion per plan.
  WF_RECOVERY: frozen({
    preset: 'WF_RECOVERY',
    pricingBasis: 'PER_TRAJECTORY',
    policyVersion: PRESET_DEFINITIONS_VERSION,
    split: { numerator: 2, denominator: 3 },
  }),
  // domain.md §7.7 FRIESLAND_70_30, R-PAY-02: 70% at the start, the last 30% unless early dropout.
  FRIESLAND_70_30: frozen({
    preset: 'FRIESLAND_70_30',
    pricingBasis: 'PER_TRAJECTORY',
    policyVersion: PRESET_DEFINITIONS_VERSION,
    split: { numerator: 7, denominator: 10 },
  }),
  // domain.md §7.7 WBW_50_50, R-PAY-03: 50% at the start, the second 50% "vrijwel altijd".
  WBW_50_50: frozen({
    preset: 'WBW_50_50',
    pricingBasis: 'PER_TRAJECTORY',
    policyVersion: PRESET_DEFINITIONS_VERSION,
    split: { numerator: 1, denominator: 2 },
  }),
  // domain.md §7.7 MONTHLY, R-TAR-02: an amount per month in care.
  MONTHLY: frozen({
    preset: 'MONTHLY',
    pricingBasis: 'PER_MONTH',
    policyVersion: PRESET_DEFINITIONS_VERSION,
    periodLength: 'P1M',
  }),
  // domain.md §7.7 PERIOD_4W_BLOCKS, R-TAR-07 / R-TIME-06: the sum of building blocks per 4 weeks.
  PERIOD_4W_BLOCKS: frozen({
    preset: 'PERIOD_4W_BLOCKS',
    pricingBasis: 'PER_4_WEEKS',
    policyVersion: PRESET_DEFINITIONS_VERSION,
    periodLength: 'P4W',
  }),
  // domain.md §7.7 ANNUAL_HIGH_COMPLEX, R-TAR-08 (DEFAULT): the annual price in 12 monthly instalments.
  ANNUAL_HIGH_COMPLEX: frozen({
    preset: 'ANNUAL_HIGH_COMPLEX',
    pricingBasis: 'PER_YEAR_AVERAGE',
    policyVersion: PRESET_DEFINITIONS_VERSION,
    periodLength: 'P1M',
    instalmentsPerYear: 12,
  }),
  // domain.md §7.7 TASK_BUDGET, R-TAR-11: no client-level payment.
  TASK_BUDGET: frozen({
    preset: 'TASK_BUDGET',
    pricingBasis: 'TASK',
    policyVersion: PRESET_DEFINITIONS_VERSION,
  }),
};

/** The built-in definition of a preset (domain.md §7.7). The result is frozen. */
export function paymentPolicyFor(preset: PaymentPolicyPreset): PaymentPolicy {
  if (!isPaymentPolicyPreset(preset)) {
    throw new PaymentRuleError('UNKNOWN_PRESET', `unknown payment policy preset ${String(preset)}`);
  }
  return PRESET_DEFINITIONS[preset];
}

function invalid(policy: PaymentPolicy, problem: string): never {
  throw new PaymentRuleError('INVALID_POLICY', `${String(policy.preset)} policy: ${problem}`);
}

/**
 * Throws unless a (possibly deserialised) snapshot is coherent: the preset's pricing basis, a split exactly
 * for trajectory-priced presets, a period length exactly for period-priced presets.
 */
export function assertPaymentPolicy(policy: PaymentPolicy): void {
  if (!isPaymentPolicyPreset(policy.preset)) {
    throw new PaymentRuleError('UNKNOWN_PRESET', `unknown payment policy preset ${String(policy.preset)}`);
  }
  const definition = PRESET_DEFINITIONS[policy.preset];
  if (policy.pricingBasis !== definition.pricingBasis) {
    invalid(policy, `pricing basis must be ${definition.pricingBasis}, got ${String(policy.pricingBasis)}`);
  }
  if (typeof policy.policyVersion !== 'string' || policy.policyVersion.length === 0) {
    invalid(policy, 'policyVersion must be a non-empty string');
  }
  if (isTrajectoryPricedPreset(policy.preset)) {
    if (policy.split === undefined) invalid(policy, 'a trajectory-priced preset needs a split');
    assertTrajectorySplit(policy.split.numerator, policy.split.denominator);
  } else if (policy.split !== undefined) {
    invalid(policy, 'only trajectory-priced presets have a split');
  }
  const periodic = isPeriodPricedPreset(policy.preset);
  if (periodic !== (policy.periodLength !== undefined)) {
    invalid(policy, periodic ? 'a period-priced preset needs a periodLength' : 'unexpected periodLength');
  }
  if (periodic && policy.periodLength !== 'P1M' && policy.periodLength !== 'P4W') {
    invalid(policy, `periodLength must be P1M or P4W, got ${String(policy.periodLength)}`);
  }
  const annual = policy.preset === 'ANNUAL_HIGH_COMPLEX';
  if (annual !== (policy.instalmentsPerYear !== undefined)) {
    invalid(
      policy,
      annual ? 'ANNUAL_HIGH_COMPLEX needs instalmentsPerYear' : 'unexpected instalmentsPerYear',
    );
  }
  if (annual && !(Number.isSafeInteger(policy.instalmentsPerYear) && (policy.instalmentsPerYear ?? 0) >= 1)) {
    invalid(policy, 'instalmentsPerYear must be a positive integer');
  }
}

/** The split of a trajectory-priced policy; NOT_A_TRAJECTORY_SPLIT for any other preset. */
export function splitOf(policy: PaymentPolicy): TrajectorySplit {
  if (!isTrajectoryPricedPreset(policy.preset) || policy.split === undefined) {
    throw new PaymentRuleError(
      'NOT_A_TRAJECTORY_SPLIT',
      `${policy.preset} does not split a trajectory price`,
    );
  }
  return policy.split;
}

/** The instalments per year of an ANNUAL_HIGH_COMPLEX policy; NOT_A_PERIODIC_POLICY for any other preset. */
export function instalmentsPerYearOf(policy: PaymentPolicy): number {
  if (policy.preset !== 'ANNUAL_HIGH_COMPLEX' || policy.instalmentsPerYear === undefined) {
    throw new PaymentRuleError('NOT_A_PERIODIC_POLICY', `${policy.preset} has no annual instalments`);
  }
  return policy.instalmentsPerYear;
}

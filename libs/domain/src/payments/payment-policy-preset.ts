/** The payment policy presets of domain.md §7.7; all are built, WF_RECOVERY is the default (decisions.md 7). */
export const PAYMENT_POLICY_PRESETS = [
  'WF_RECOVERY',
  'FRIESLAND_70_30',
  'WBW_50_50',
  'MONTHLY',
  'PERIOD_4W_BLOCKS',
  'ANNUAL_HIGH_COMPLEX',
  'TASK_BUDGET',
] as const;

export type PaymentPolicyPreset = (typeof PAYMENT_POLICY_PRESETS)[number];

/**
 * Presets that split one trajectory price into an INITIAL and a FINAL tranche (domain.md §3.1). The same
 * values as the region setting `TrajectorySplitPreset` in ../policy, under a name of its own so that the
 * two barrels can be re-exported side by side.
 */
export const TRAJECTORY_PRICED_PRESETS = ['WF_RECOVERY', 'FRIESLAND_70_30', 'WBW_50_50'] as const;
export type TrajectoryPricedPreset = (typeof TRAJECTORY_PRICED_PRESETS)[number];

/** Presets that pay a tranche per period in care and have no final tranche (domain.md §7.7). */
export const PERIOD_PRICED_PRESETS = ['MONTHLY', 'PERIOD_4W_BLOCKS', 'ANNUAL_HIGH_COMPLEX'] as const;
export type PeriodPricedPreset = (typeof PERIOD_PRICED_PRESETS)[number];

export function isPaymentPolicyPreset(value: unknown): value is PaymentPolicyPreset {
  return typeof value === 'string' && (PAYMENT_POLICY_PRESETS as readonly string[]).includes(value);
}

export function isTrajectoryPricedPreset(value: unknown): value is TrajectoryPricedPreset {
  return typeof value === 'string' && (TRAJECTORY_PRICED_PRESETS as readonly string[]).includes(value);
}

export function isPeriodPricedPreset(value: unknown): value is PeriodPricedPreset {
  return typeof value === 'string' && (PERIOD_PRICED_PRESETS as readonly string[]).includes(value);
}

/** The rule each preset implements, quoted in every tranche's `basis` text. */
export const PRESET_RULE: Readonly<Record<PaymentPolicyPreset, string>> = {
  WF_RECOVERY: 'domain.md §7.7 WF_RECOVERY, R-PAY-01',
  FRIESLAND_70_30: 'domain.md §7.7 FRIESLAND_70_30, R-PAY-02',
  WBW_50_50: 'domain.md §7.7 WBW_50_50, R-PAY-03',
  MONTHLY: 'domain.md §7.7 MONTHLY, R-TAR-02',
  PERIOD_4W_BLOCKS: 'domain.md §7.7 PERIOD_4W_BLOCKS, R-TAR-07',
  ANNUAL_HIGH_COMPLEX: 'domain.md §7.7 ANNUAL_HIGH_COMPLEX, R-TAR-08',
  TASK_BUDGET: 'domain.md §7.7 TASK_BUDGET, R-TAR-11',
};

import { assertDecisionFitsPolicy } from './care-decision-terms';
import type { CareDecisionTerms } from './care-decision-terms';
import { isPeriodPricedPreset, isTrajectoryPricedPreset, PRESET_RULE } from './payment-policy-preset';
import { splitOf } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { periodTranche } from './period-tranche';
import type { PlannedTranche } from './planned-tranche';
import { initialShareCents, splitLabel } from './trajectory-split';

/**
 * The tranches due when the provider confirms the start of care (domain.md §7.4 `confirmStart`):
 * - trajectory-priced presets: the INITIAL share of the tariff (R-PAY-01/02/03);
 * - MONTHLY, PERIOD_4W_BLOCKS: period 1; ANNUAL_HIGH_COMPLEX: instalment 1 of the annual price;
 * - TASK_BUDGET: nothing, there is no client-level payment (R-TAR-11).
 * A tariff of 0 yields a tranche of 0 cents, so that the start is on record in the ledger.
 */
export function tranchesAtStart(
  policy: PaymentPolicy,
  decision: CareDecisionTerms,
): readonly PlannedTranche[] {
  assertDecisionFitsPolicy(policy, decision);
  if (isTrajectoryPricedPreset(policy.preset)) {
    const split = splitOf(policy);
    return [
      {
        kind: 'INITIAL',
        amountCents: initialShareCents(decision.tariffCents, split),
        basis: `${splitLabel(split)} of tariff ${decision.tariffCents} cents at start (${PRESET_RULE[policy.preset]})`,
        decisionVersion: decision.decisionVersion,
      },
    ];
  }
  if (isPeriodPricedPreset(policy.preset)) return [periodTranche(policy, decision, 1)];
  return [];
}

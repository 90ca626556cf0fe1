import type { CareDecisionTerms } from './care-decision-terms';
import type { PaymentHistory } from './payment-history';
import type { PaymentPolicy } from './payment-policy';
import { paymentScheduleFor } from './payment-schedule';
import type { PlannedTranche } from './planned-tranche';

export interface PriceCorrectionInput {
  /** The trajectory's payment history so far; its decision in force is the one being amended. */
  readonly history: PaymentHistory;
  /** The amendment: a newer version of the same arrangement with the agreed price (R-TAR-05). */
  readonly correctedDecision: CareDecisionTerms;
}

export type PriceCorrectionOutcome =
  | { readonly due: true; readonly tranche: PlannedTranche }
  | { readonly due: false; readonly reason: 'NO_PRICE_DIFFERENCE'; readonly explanation: string };

/**
 * A retroactive price correction by agreement (R-END-05, R-TAR-05: providers read the average price as a
 * maximum and agreed to a lower price "met terugwerkende kracht"). The result is the declared ADJUSTMENT
 * (domain.md §7.8): what would have been due so far had the decision always carried the corrected price,
 * minus what was paid. It is the only negative tranche the rules produce, and it never makes the total
 * paid negative. Later tranches (periods, the final) follow the corrected decision.
 */
export function priceCorrection(policy: PaymentPolicy, input: PriceCorrectionInput): PriceCorrectionOutcome {
  const before = paymentScheduleFor(policy, input.history);
  const after = paymentScheduleFor(policy, [
    ...input.history,
    { type: 'PRICE_CORRECTED', decision: input.correctedDecision },
  ]);
  const added = after.tranches.slice(before.tranches.length);
  if (added.length === 0) {
    return {
      due: false,
      reason: 'NO_PRICE_DIFFERENCE',
      explanation: `the corrected price changes nothing already due (domain.md §7.8, R-END-05)`,
    };
  }
  return { due: true, tranche: added[0] };
}

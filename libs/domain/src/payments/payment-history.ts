import type { CareDecisionTerms } from './care-decision-terms';
import type { ClosureFacts } from './closure-reason';

/**
 * What happened to a trajectory that matters for money, in order. The workflow keeps this list in its
 * state (it is small, plain JSON); replaying it (paymentScheduleFor) gives every tranche the rules expect.
 */
export type PaymentHistoryEvent =
  /** The provider confirmed the start of care under this decision (domain.md §7.4 `confirmStart`). */
  | { readonly type: 'START_CONFIRMED'; readonly decision: CareDecisionTerms }
  /** Period-priced presets: period 2, 3, … began (period 1 begins with the start). */
  | { readonly type: 'PERIOD_STARTED'; readonly period: number }
  /** A scaling or other arrangement change produced a new decision version (domain.md §7.8). */
  | { readonly type: 'ARRANGEMENT_CHANGED'; readonly decision: CareDecisionTerms }
  /**
   * The decision in force was amended retroactively by agreement to another price for the same arrangement
   * (R-END-05, R-TAR-05). Allowed after closure too: the price may be found too high later.
   */
  | { readonly type: 'PRICE_CORRECTED'; readonly decision: CareDecisionTerms }
  /** The trajectory closed (domain.md §7.2 Closure); only PRICE_CORRECTED may follow. */
  | { readonly type: 'CLOSED'; readonly closure: ClosureFacts };

export type PaymentHistory = readonly PaymentHistoryEvent[];

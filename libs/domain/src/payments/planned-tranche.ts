import type { Cents } from './money';
import type { AdjustmentCause, TrancheKind } from './tranche-kind';

/**
 * A payment the rules say is due, before the ledger turns it into a PaymentInstruction (domain.md §7.2
 * Payment). Its identity is (kind, decisionVersion, period | adjustmentSeq): see paymentIdempotencyKey.
 */
export interface PlannedTranche {
  readonly kind: TrancheKind;
  /** Never negative, except an ADJUSTMENT with adjustmentCause PRICE_CORRECTION. */
  readonly amountCents: Cents;
  /** Human text naming the computation and its rule: "2/3 of tariff … (domain.md §7.7 WF_RECOVERY, R-PAY-01)". */
  readonly basis: string;
  /** The CareDecision version the amount was computed from (domain.md §7.7: fixed from the current version). */
  readonly decisionVersion: number;
  /** PERIOD and ANNUAL: 1-based index of the period since the start of care. */
  readonly period?: number;
  /** ADJUSTMENT: 1-based sequence of the trajectory's adjustments (see paymentIdempotencyKey). */
  readonly adjustmentSeq?: number;
  /** ADJUSTMENT: whether it follows a scaling or a retroactive price correction. */
  readonly adjustmentCause?: AdjustmentCause;
}

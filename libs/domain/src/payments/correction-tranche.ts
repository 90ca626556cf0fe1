import { assertDecisionFitsPolicy, assertNewerDecision } from './care-decision-terms';
import type { CareDecisionTerms } from './care-decision-terms';
import { assertCents, Cents } from './money';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import type { PlannedTranche } from './planned-tranche';

export interface CorrectionTrancheInput {
  /** The decision whose price turned out wrong (the one in force). */
  readonly amendedDecision: CareDecisionTerms;
  /** Its retroactive amendment: a newer version of the same arrangement with the agreed price. */
  readonly correctedDecision: CareDecisionTerms;
  /** Σ of every tranche already issued for the trajectory. */
  readonly paidSoFarCents: Cents;
  /** Σ the rules would have issued so far had the amended decision carried the corrected price from the start. */
  readonly dueAtCorrectedPriceCents: Cents;
  readonly adjustmentSeq: number;
}

/**
 * The declared ADJUSTMENT of a retroactive price correction (R-END-05, R-TAR-05; domain.md §7.8 "price
 * later found too high": ADJUSTMENT, negative): due at the corrected price − paid. It is the only tranche
 * that may be negative, and it never takes back more than was paid, so the total paid stays ≥ 0.
 * Undefined when the correction changes nothing that was already due.
 */
export function correctionTranche(
  policy: PaymentPolicy,
  input: CorrectionTrancheInput,
): PlannedTranche | undefined {
  const { amendedDecision, correctedDecision, paidSoFarCents, dueAtCorrectedPriceCents, adjustmentSeq } =
    input;
  assertDecisionFitsPolicy(policy, amendedDecision);
  assertDecisionFitsPolicy(policy, correctedDecision);
  assertNewerDecision(amendedDecision, correctedDecision);
  if (correctedDecision.arrangementCode !== amendedDecision.arrangementCode) {
    throw new PaymentRuleError(
      'CORRECTION_CHANGES_ARRANGEMENT',
      `a price correction keeps arrangement ${amendedDecision.arrangementCode}; a new arrangement is a scaling`,
    );
  }
  assertCents(paidSoFarCents, 'paidSoFarCents');
  assertCents(dueAtCorrectedPriceCents, 'dueAtCorrectedPriceCents');
  if (!Number.isSafeInteger(adjustmentSeq) || adjustmentSeq < 1) {
    throw new PaymentRuleError(
      'INVALID_ADJUSTMENT_SEQ',
      `adjustmentSeq must be a positive integer, got ${adjustmentSeq}`,
    );
  }
  // Never below −paid: a correction cannot make the trajectory's total paid negative.
  const amount = Math.max(-paidSoFarCents, dueAtCorrectedPriceCents - paidSoFarCents);
  if (amount === 0) return undefined;
  return {
    kind: 'ADJUSTMENT',
    amountCents: amount,
    basis:
      `retroactive price correction of decision v${amendedDecision.decisionVersion} ` +
      `${amendedDecision.tariffCents} → ${correctedDecision.tariffCents} cents: due ${dueAtCorrectedPriceCents} − ` +
      `paid ${paidSoFarCents} (domain.md §7.8, R-END-05, R-TAR-05)`,
    decisionVersion: correctedDecision.decisionVersion,
    adjustmentSeq,
    adjustmentCause: 'PRICE_CORRECTION',
  };
}

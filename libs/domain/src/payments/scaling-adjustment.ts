import { assertDecisionFitsPolicy, assertNewerDecision } from './care-decision-terms';
import type { CareDecisionTerms } from './care-decision-terms';
import { assertCents, Cents } from './money';
import { isPeriodPricedPreset, isTrajectoryPricedPreset } from './payment-policy-preset';
import { splitOf } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import type { PlannedTranche } from './planned-tranche';
import { initialShareCents, splitLabel } from './trajectory-split';

export interface ScalingInput {
  /** The decision in force before the arrangement change. */
  readonly oldDecision: CareDecisionTerms;
  /** The new decision version the change produced (domain.md §7.4 `decideArrangementChange`). */
  readonly newDecision: CareDecisionTerms;
  /** Σ of every tranche already issued for the trajectory. */
  readonly paidSoFarCents: Cents;
  /** 1 + the number of ADJUSTMENT tranches planned before on this trajectory (see paymentIdempotencyKey). */
  readonly adjustmentSeq: number;
}

/** The direction of the price change; it matches ArrangementChange.direction for an ordinary change. */
export type ScalingDirection = 'UP' | 'DOWN' | 'LATERAL';

export type ScalingOutcome =
  /** Trajectory-priced scale-up: pay the ADJUSTMENT now; the final tranche later follows the new tariff. */
  | {
      readonly treatment: 'ADJUSTMENT_NOW';
      readonly direction: 'UP';
      readonly tranche: PlannedTranche;
      readonly projectedFinalCents: Cents;
    }
  /** Trajectory-priced without a payment now: scale-down (no reclaim), same tariff, or share already paid. */
  | {
      readonly treatment: 'NO_ADJUSTMENT';
      readonly direction: ScalingDirection;
      readonly reason: 'SCALE_DOWN_NO_RECLAIM' | 'SAME_TARIFF' | 'INITIAL_SHARE_ALREADY_PAID';
      /** max(0, new tariff − paid): the final tranche if the final condition holds at closure. */
      readonly projectedFinalCents: Cents;
    }
  /** Period-priced: no adjustment; the next period (or instalment) begun is paid at the new rate. */
  | {
      readonly treatment: 'NEW_RATE_FROM_NEXT_PERIOD';
      readonly direction: ScalingDirection;
      readonly newDecisionVersion: number;
      readonly newRateCents: Cents;
    }
  /** TASK_BUDGET: no client-level payment at all (R-TAR-11). */
  | { readonly treatment: 'NO_CLIENT_PAYMENTS'; readonly direction: ScalingDirection };

function directionOf(oldTariff: Cents, newTariff: Cents): ScalingDirection {
  if (newTariff > oldTariff) return 'UP';
  return newTariff < oldTariff ? 'DOWN' : 'LATERAL';
}

/**
 * The money consequence of scaling up or down (op- en afschalen) within the same care need, per domain.md
 * §7.8 (DEFAULT; R-SCALE-08 asks for safeguards):
 * - trajectory-priced, up: ADJUSTMENT = initial share of the new tariff − paid so far. When nothing unusual
 *   was paid before this equals initial share × (new − old tariff), rounded like the INITIAL tranche so that
 *   the provider holds exactly what a trajectory started at the new tariff would hold. When an earlier
 *   scale-down left the provider above that share (no reclaim), the surplus counts and nothing more is paid.
 * - trajectory-priced, down: no tranche, nothing reclaimed; the final will be max(0, new tariff − paid).
 * - period-priced: no adjustment; the new rate applies from the next period boundary.
 * An ADJUSTMENT from scaling is never negative: only priceCorrection may lower what was paid.
 */
export function scalingAdjustment(policy: PaymentPolicy, input: ScalingInput): ScalingOutcome {
  const { oldDecision, newDecision, paidSoFarCents, adjustmentSeq } = input;
  assertDecisionFitsPolicy(policy, oldDecision);
  assertDecisionFitsPolicy(policy, newDecision);
  assertNewerDecision(oldDecision, newDecision);
  assertCents(paidSoFarCents, 'paidSoFarCents');
  if (!Number.isSafeInteger(adjustmentSeq) || adjustmentSeq < 1) {
    throw new PaymentRuleError(
      'INVALID_ADJUSTMENT_SEQ',
      `adjustmentSeq must be a positive integer, got ${adjustmentSeq}`,
    );
  }
  const oldTariff = oldDecision.tariffCents;
  const newTariff = newDecision.tariffCents;
  const direction = directionOf(oldTariff, newTariff);

  if (isPeriodPricedPreset(policy.preset)) {
    return {
      treatment: 'NEW_RATE_FROM_NEXT_PERIOD',
      direction,
      newDecisionVersion: newDecision.decisionVersion,
      newRateCents: newTariff,
    };
  }
  if (!isTrajectoryPricedPreset(policy.preset)) return { treatment: 'NO_CLIENT_PAYMENTS', direction };

  const split = splitOf(policy);
  const projectedFinal = (paid: Cents): Cents => Math.max(0, newTariff - paid);
  if (direction !== 'UP') {
    const reason = direction === 'DOWN' ? 'SCALE_DOWN_NO_RECLAIM' : 'SAME_TARIFF';
    return {
      treatment: 'NO_ADJUSTMENT',
      direction,
      reason,
      projectedFinalCents: projectedFinal(paidSoFarCents),
    };
  }
  const targetPaid = initialShareCents(newTariff, split);
  const amount = targetPaid - paidSoFarCents;
  if (amount <= 0) {
    return {
      treatment: 'NO_ADJUSTMENT',
      direction,
      reason: 'INITIAL_SHARE_ALREADY_PAID',
      projectedFinalCents: projectedFinal(paidSoFarCents),
    };
  }
  return {
    treatment: 'ADJUSTMENT_NOW',
    direction,
    tranche: {
      kind: 'ADJUSTMENT',
      amountCents: amount,
      basis:
        `scale-up ${oldTariff} → ${newTariff} cents: ${splitLabel(split)} of new tariff (${targetPaid}) − paid ` +
        `${paidSoFarCents} (domain.md §7.8)`,
      decisionVersion: newDecision.decisionVersion,
      adjustmentSeq,
      adjustmentCause: 'SCALING',
    },
    projectedFinalCents: projectedFinal(targetPaid),
  };
}

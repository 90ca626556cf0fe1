import { paymentIdempotencyKey, paymentScheduleFor } from '../payments';
import type { CareDecisionTerms, PaymentHistoryEvent, PlannedTranche } from '../payments';
import type { CareDecision } from '../trajectory/care-decision';
import { currentDecision } from '../trajectory/care-decision';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** The part of a decision the payment rules read (payments/CareDecisionTerms). */
export function decisionTerms(decision: CareDecision): CareDecisionTerms {
  return {
    decisionVersion: decision.version,
    arrangementCode: decision.arrangement.code,
    tariffCents: decision.arrangement.tariffCents,
    pricingBasis: decision.arrangement.pricingBasis,
    validFrom: decision.validFrom,
    validTo: decision.validTo,
  };
}

function keyOf(trajectoryId: string, tranche: PlannedTranche): string {
  return paymentIdempotencyKey({
    trajectoryId,
    kind: tranche.kind,
    decisionVersion: tranche.decisionVersion,
    period: tranche.period,
    adjustmentSeq: tranche.adjustmentSeq,
  });
}

function issueTranche(draft: TransitionDraft, tranche: PlannedTranche, dueAt: string): void {
  const state = draft.state;
  const idempotencyKey = keyOf(state.trajectoryId, tranche);
  const withhold = tranche.kind === 'FINAL' ? state.finalTrancheWithhold : undefined;
  state.payments.push({
    idempotencyKey,
    kind: tranche.kind,
    amountCents: tranche.amountCents,
    decisionVersion: tranche.decisionVersion,
    ...(tranche.period !== undefined ? { period: tranche.period } : {}),
    dueAt,
    status: withhold ? 'WITHHELD' : 'ISSUED',
    basis: tranche.basis,
  });
  if (withhold) {
    // domain.md §7.8: the municipality withheld the final tranche in advance, with a written reason.
    draft.effects.push({
      kind: 'WITHHOLD_PAYMENT',
      trajectoryId: state.trajectoryId,
      idempotencyKey,
      tranche,
      reasonRef: withhold.reasonRef,
      withheldByRef: withhold.actorRef,
    });
    return;
  }
  draft.effects.push({
    kind: 'PAYMENT',
    trajectoryId: state.trajectoryId,
    idempotencyKey,
    tranche,
    dueAt,
    decisionVersion: tranche.decisionVersion,
  });
}

/**
 * Appends a money event to the trajectory's payment history and issues what the payment rules make due
 * because of it (payments/paymentScheduleFor replays the whole history, so amounts can never drift from
 * the rules). A closure without a final tranche records a CANCELLED final (R-END-01).
 */
export function recordPaymentEvent(
  draft: TransitionDraft,
  event: PaymentHistoryEvent,
  dueAt = draft.at,
): void {
  const state = draft.state;
  const decision = currentDecision(state);
  if (decision === undefined) return;
  const policy = decision.paymentPolicy;
  const before = paymentScheduleFor(policy, state.paymentHistory);
  state.paymentHistory.push(event);
  const after = paymentScheduleFor(policy, state.paymentHistory);
  for (const tranche of after.tranches.slice(before.tranches.length)) issueTranche(draft, tranche, dueAt);

  const notDue = after.finalNotDue;
  if (event.type !== 'CLOSED' || notDue === undefined || notDue.reason === 'POLICY_HAS_NO_FINAL_TRANCHE') {
    return;
  }
  const idempotencyKey = paymentIdempotencyKey({
    trajectoryId: state.trajectoryId,
    kind: 'FINAL',
    decisionVersion: notDue.decisionVersion,
  });
  state.payments.push({
    idempotencyKey,
    kind: 'FINAL',
    amountCents: 0,
    decisionVersion: notDue.decisionVersion,
    dueAt,
    status: 'CANCELLED',
    basis: notDue.explanation,
  });
  draft.effects.push({
    kind: 'CANCEL_PAYMENT',
    trajectoryId: state.trajectoryId,
    idempotencyKey,
    trancheKind: 'FINAL',
    decisionVersion: notDue.decisionVersion,
    reason: notDue.reason,
    explanation: notDue.explanation,
  });
}

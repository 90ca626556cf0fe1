import type { CareDecisionTerms } from './care-decision-terms';
import type { ClosureFacts, ClosureReason } from './closure-reason';
import type { PaymentHistoryEvent } from './payment-history';
import { paymentPolicyFor } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import type { PaymentPolicyPreset } from './payment-policy-preset';

/**
 * Builders shared by the payment specs; not part of the public API (not exported from index.ts). No Jest
 * globals here: this file is not a spec, so the production build compiles it too.
 */

export const TRAJECTORY_ID = 'trj-0001';

export function policy(preset: PaymentPolicyPreset): PaymentPolicy {
  return paymentPolicyFor(preset);
}

export function decision(
  forPolicy: PaymentPolicy,
  decisionVersion: number,
  tariffCents: number,
  arrangementCode = `ARR-${decisionVersion}`,
): CareDecisionTerms {
  return {
    decisionVersion,
    arrangementCode,
    tariffCents,
    pricingBasis: forPolicy.pricingBasis,
    validFrom: '2026-01-05',
  };
}

export const start = (d: CareDecisionTerms): PaymentHistoryEvent => ({
  type: 'START_CONFIRMED',
  decision: d,
});
export const periodStarted = (period: number): PaymentHistoryEvent => ({ type: 'PERIOD_STARTED', period });
export const changed = (d: CareDecisionTerms): PaymentHistoryEvent => ({
  type: 'ARRANGEMENT_CHANGED',
  decision: d,
});
export const corrected = (d: CareDecisionTerms): PaymentHistoryEvent => ({
  type: 'PRICE_CORRECTED',
  decision: d,
});
export const closed = (
  closureReason: ClosureReason,
  facts: Partial<ClosureFacts> = {},
): PaymentHistoryEvent => ({
  type: 'CLOSED',
  closure: { ...facts, closureReason },
});

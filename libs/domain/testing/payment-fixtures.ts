import { paymentPolicyFor } from '@app/domain';
import type {
  CareDecisionTerms,
  ClosureFacts,
  ClosureReason,
  PaymentHistoryEvent,
  PaymentPolicy,
  PaymentPolicyPreset,
} from '@app/domain';

/**
 * Builders shared by the payment specs. Test support only: it lives outside `src/`, so the production build
 * never compiles it and no production code can import it.
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

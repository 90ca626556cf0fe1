import { assertCents, Cents } from './money';
import { assertPaymentPolicy } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import { isPricingBasis } from './pricing-basis';
import type { PricingBasis } from './pricing-basis';

/**
 * The part of a CareDecision (beschikking, domain.md §7.2) that the payment rules read. Each amendment,
 * scaling or retroactive price correction is a new `decisionVersion` (R-TAR-05).
 */
export interface CareDecisionTerms {
  /** 1, 2, 3, … strictly increasing over a trajectory's decisions. */
  readonly decisionVersion: number;
  readonly arrangementCode: string;
  /**
   * The average price (R-TAR-05) in the unit of `pricingBasis`: the whole trajectory, one month, 4 weeks
   * (the sum of the building blocks, R-TAR-07), or one year. Ignored for TASK.
   */
  readonly tariffCents: Cents;
  readonly pricingBasis: PricingBasis;
  /** ISO-8601 date, 'YYYY-MM-DD…'. */
  readonly validFrom: string;
  readonly validTo?: string;
}

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

function invalid(problem: string): never {
  throw new PaymentRuleError('INVALID_DECISION', problem);
}

/** Throws unless the terms are usable: version ≥ 1, arrangement code, integer cents, ISO dates. */
export function assertCareDecisionTerms(decision: CareDecisionTerms): void {
  if (!Number.isSafeInteger(decision.decisionVersion) || decision.decisionVersion < 1) {
    invalid(`decisionVersion must be a positive integer, got ${String(decision.decisionVersion)}`);
  }
  if (typeof decision.arrangementCode !== 'string' || decision.arrangementCode.length === 0) {
    invalid('arrangementCode must be a non-empty string');
  }
  assertCents(decision.tariffCents, 'tariffCents');
  if (!isPricingBasis(decision.pricingBasis))
    invalid(`unknown pricing basis ${String(decision.pricingBasis)}`);
  if (typeof decision.validFrom !== 'string' || !ISO_DATE_PREFIX.test(decision.validFrom)) {
    invalid(`validFrom must be an ISO-8601 date, got ${String(decision.validFrom)}`);
  }
  if (decision.validTo !== undefined) {
    if (typeof decision.validTo !== 'string' || !ISO_DATE_PREFIX.test(decision.validTo)) {
      invalid(`validTo must be an ISO-8601 date, got ${String(decision.validTo)}`);
    }
  }
}

/**
 * Throws unless the policy is coherent, the decision is valid and both have the same pricing basis: a
 * decision priced per month cannot be paid under a trajectory split.
 */
export function assertDecisionFitsPolicy(policy: PaymentPolicy, decision: CareDecisionTerms): void {
  assertPaymentPolicy(policy);
  assertCareDecisionTerms(decision);
  if (decision.pricingBasis !== policy.pricingBasis) {
    throw new PaymentRuleError(
      'PRICING_BASIS_MISMATCH',
      `decision v${decision.decisionVersion} is priced ${decision.pricingBasis}, policy ${policy.preset} pays ${policy.pricingBasis}`,
    );
  }
}

/** Throws DECISION_VERSION_NOT_NEWER unless `next` is a later version than `previous`. */
export function assertNewerDecision(previous: CareDecisionTerms, next: CareDecisionTerms): void {
  if (next.decisionVersion <= previous.decisionVersion) {
    throw new PaymentRuleError(
      'DECISION_VERSION_NOT_NEWER',
      `decision v${next.decisionVersion} does not follow v${previous.decisionVersion}`,
    );
  }
}

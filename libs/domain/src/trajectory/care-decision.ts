import type { PaymentPolicy } from '../payments';
import type { ArrangementTerms, CareSegment, ComplexityClass } from '../shared/arrangement-terms';

/** Why a decision version exists. */
export const DECISION_CAUSES = [
  'PLAN_APPROVAL',
  'BREAKTHROUGH',
  'PROVISIONAL_START',
  'SCALING',
  'RENEWAL',
  'PRICE_CORRECTION',
  'PROVIDER_REASSIGNMENT',
] as const;
export type DecisionCause = (typeof DECISION_CAUSES)[number];

/**
 * The care decision (beschikking, domain.md §7.2 CareDecision): the municipality's formal decision, one
 * version per approval, scaling, renewal or retroactive price correction (R-TAR-05). It carries the
 * payment policy frozen at the first decision (decisions.md 2) and a total budget (R-TAR-01).
 */
export interface CareDecision {
  version: number;
  cause: DecisionCause;
  decisionDate: string;
  validFrom: string;
  validTo: string;
  arrangement: ArrangementTerms;
  profileCode?: string;
  intensityCode?: string;
  providerId: string;
  segment: CareSegment;
  complexity: ComplexityClass;
  /** R-TAR-01 "een totaal budget voor het traject": the tariff, or the sum of its periods in validity. */
  totalBudgetCents: number;
  paymentPolicy: PaymentPolicy;
  approvedBy: 'LOCAL_TEAM' | 'BREAKTHROUGH_TABLE';
  /** decisions.md 3: issued on the offered arrangement while the table settles the money. */
  provisional: boolean;
  amendsVersion?: number;
}

/** The assignment message (zorgtoewijzing, bericht 301), sent with the decision (R-ROLE-09). */
export interface CareAssignment {
  providerId: string;
  decisionVersion: number;
  /** `${trajectoryId}:301:${decisionVersion}`: a retried send is a no-op. */
  idempotencyKey: string;
}

export function currentDecision<T extends { decisions: CareDecision[] }>(state: T): CareDecision | undefined {
  return state.decisions.length === 0 ? undefined : state.decisions[state.decisions.length - 1];
}

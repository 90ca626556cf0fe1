import type { PaymentInstructionView } from '@app/contracts';

/** A care_decision row as reconciliation reads it. */
export interface DecisionFact {
  version: number;
  cause: string;
  /** 'YYYY-MM-DD' */
  decisionDate: string;
  validFrom: string;
  validTo: string | null;
  arrangementCode: string;
  tariffCents: number;
  pricingBasis: string;
  /** The payment policy snapshot (domain PaymentPolicy), as stored. */
  paymentPolicy: unknown;
  amendsVersion: number | null;
}

/** The trajectory read-model row (libs/persistence trajectory.entity.ts), when there is one. */
export interface TrajectoryFact {
  status: string;
  closureReason: string | null;
  /** 'YYYY-MM-DD' (Amsterdam) of closed_at, or null. */
  closedOn: string | null;
  summary: Record<string, unknown>;
}

export type DeviationCode =
  /** Payments exist but no care decision explains them. */
  | 'NO_CARE_DECISION'
  /** The policy snapshot or the history is refused by the payment rules; nothing else can be checked. */
  | 'POLICY_REFUSED'
  /** A ledger row names a decision version that was never recorded. */
  | 'UNKNOWN_DECISION_VERSION'
  /** The rules make a tranche due and the ledger has none. */
  | 'MISSING_TRANCHE'
  /** The rules make a tranche due and the ledger cancelled it. */
  | 'DUE_BUT_CANCELLED'
  /** More than one live row for one tranche (same kind, and period where it has one). */
  | 'DUPLICATE_TRANCHE'
  /** One row for the tranche, with another amount than the rules give. */
  | 'AMOUNT_MISMATCH'
  /** A final tranche is paid although the closure cancels it (R-END-01, domain.md §7.8). */
  | 'PAID_AFTER_CANCELLATION'
  /** A live row the rules do not make due (e.g. a FINAL before closure, a period on a trajectory price). */
  | 'UNEXPECTED_TRANCHE'
  /** Σ issued + withheld differs from the expected total. */
  | 'TOTAL_MISMATCH';

export interface Deviation {
  code: DeviationCode;
  /** Human text naming the tranche, the amounts and the rule. */
  message: string;
  kind?: string;
  period?: number;
  expectedCents?: number;
  ledgerCents?: number;
  idempotencyKeys: string[];
}

export interface TrajectoryReconciliation {
  trajectoryId: string;
  policyPreset: string | null;
  trajectoryStatus: string | null;
  closureReason: string | null;
  /** Σ of the tranches the rules make due (payments module expectedTotalCents); null when it cannot be computed. */
  expectedCents: number | null;
  /** Σ of SCHEDULED, RELEASED, EXPORTED and CONFIRMED amounts. */
  issuedCents: number;
  /** Σ of WITHHELD amounts: due, withheld with a written reason (accounted for, not paid). */
  withheldCents: number;
  cancelledCount: number;
  expectedTranches: number;
  ledgerRows: number;
  deviations: Deviation[];
  /** The provider's declared lines (323, issue 17); set by the reconciliation service. */
  declarations?: DeclarationCounts;
}

/** How many of a trajectory's declared lines were honoured (and for how much) or refused. */
export interface DeclarationCounts {
  honoured: number;
  refused: number;
  honouredCents: number;
}

export type LedgerFact = PaymentInstructionView;

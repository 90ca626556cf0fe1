import type { DecisionCause, PaymentPolicy, PricingBasis, TrancheKind } from '@app/domain';

/**
 * What the trajectory workflow hands to the payment ledger and gets back (through the activities of
 * `TrajectoryActivities`): care decisions and payment instructions as plain JSON, money in integer cents.
 * The ledger (libs/ledger) validates and stores them; nothing here carries personal data.
 */

/**
 * Status of a payment instruction (domain.md §7.2 Payment; "SENT" there is EXPORTED here: handed to finance).
 * SCHEDULED: recorded, not yet due. RELEASED: due, waiting for the finance export. EXPORTED: in an export
 * batch. CONFIRMED: finance confirmed the batch. WITHHELD: due but withheld by the municipality with a
 * written reason (§7.8). CANCELLED: not due, with the reason (e.g. final tranche after early dropout, R-END-01).
 */
export const PAYMENT_STATUSES = [
  'SCHEDULED',
  'RELEASED',
  'EXPORTED',
  'CONFIRMED',
  'WITHHELD',
  'CANCELLED',
] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The money facts of a tranche: what a payment instruction is issued for and what a retry must repeat. */
interface TrancheFacts {
  trajectoryId: string;
  municipalityCode: string;
  providerId: string;
  kind: TrancheKind;
  /** Integer cents; negative only for an ADJUSTMENT (a declared price correction, domain.md §7.8). */
  amountCents: number;
  /** The computation and the rule it cites (PlannedTranche.basis). */
  basis: string;
  decisionVersion: number;
}

/** A ledger row as the API, the CLI and the activities return it: plain JSON, cents as safe integers. */
export interface PaymentInstructionView extends TrancheFacts {
  id: string;
  idempotencyKey: string;
  period: number | null;
  /** 'YYYY-MM-DD' */
  dueDate: string;
  status: PaymentStatus;
  statusReason: string | null;
  exportBatchId: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The provider's declaration of this tranche through the chain (323, issue 17) and the 325 that answered
   * it; null when not declared. Listed by GET /payments only.
   */
  declaration?: PaymentDeclaration | null;
}

/** A 323 line honoured for a tranche: its reference and the answering 325. */
export interface PaymentDeclaration {
  status: 'HONOURED';
  referenceNumber: string;
  declarationMessageId: string;
  answerMessageId: string | null;
  answeredAt: string;
}

export interface IssuePaymentInput extends TrancheFacts {
  /** paymentIdempotencyKey(...) of the payments module: `{trajectoryId}:{kind}:{decisionVersion}[:…]`. */
  idempotencyKey: string;
  /** PERIOD and ANNUAL only. */
  period?: number;
  /** ISO date, or a date-time whose Amsterdam calendar date is taken. */
  dueDate: string;
  /** SCHEDULED (default), or CANCELLED to record a tranche that is not due, with its reason. */
  status?: 'SCHEDULED' | 'CANCELLED';
  statusReason?: string;
}

export interface WithholdPaymentInput {
  trajectoryId: string;
  /** The payment to withhold; or give `kind` when the trajectory has exactly one open payment of it. */
  idempotencyKey?: string;
  kind?: TrancheKind;
  /** Written reason (domain.md §7.8); no personal data. */
  reason: string;
  /** Pseudonymous ref of the municipality's officer. */
  actor: string;
}

/** The terms of a care decision version (beschikking) as the ledger keeps them. */
interface DecisionFacts {
  trajectoryId: string;
  version: number;
  decisionNumber: string;
  /** ISO dates ('YYYY-MM-DD', or a date-time whose Amsterdam date is taken). */
  decisionDate: string;
  validFrom: string;
  arrangementCode: string;
  tariffCents: number;
  pricingBasis: PricingBasis;
  /** The policy snapshot frozen at the first decision (decisions.md 2). */
  paymentPolicy: PaymentPolicy;
  totalBudgetCents: number;
  providerId: string;
  municipalityCode: string;
}

export interface RecordCareDecisionInput extends DecisionFacts {
  /** Default: PRICE_CORRECTION when `amendsVersion` is set, PLAN_APPROVAL for version 1, else SCALING. */
  cause?: DecisionCause;
  validTo?: string | null;
  provisional?: boolean;
  /** The version this one amends retroactively (R-TAR-05). */
  amendsVersion?: number | null;
}

export interface CareDecisionRecord extends DecisionFacts {
  cause: DecisionCause;
  validTo: string | null;
  provisional: boolean;
  amendsVersion: number | null;
}

import type { BreakthroughDocket } from '../breakthrough/breakthrough-docket';
import type { ClosureReason, NoFinalTrancheReason, PlannedTranche } from '../payments';
import type { Actor } from '../shared/actor';
import type { CareAssignment, CareDecision } from './care-decision';
import type { OutcomeIndicators } from './outcome-indicators';
import type { TrajectoryStart } from './trajectory-start';

/** Audit details: codes, ids, counts and instants only, never personal data (decisions.md 11). */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/** One per transition (domain.md §4.6, §7.1 principle 5); idempotent on (trajectoryId, seq). */
export interface AuditEffect {
  kind: 'AUDIT';
  trajectoryId: string;
  seq: number;
  type: string;
  actor: Actor;
  at: string;
  planVersion?: number;
  decisionVersion?: number;
  details: AuditDetails;
}

/** The care decision and its 301 assignment, always together (R-ROLE-09). */
export interface IssueDecisionEffect {
  kind: 'ISSUE_DECISION';
  trajectoryId: string;
  decision: CareDecision;
  assignment: CareAssignment;
}

/** A tranche from the payment rules, with its deterministic idempotency key (domain.md §7.7). */
export interface PaymentEffect {
  kind: 'PAYMENT';
  trajectoryId: string;
  idempotencyKey: string;
  tranche: PlannedTranche;
  dueAt: string;
  decisionVersion: number;
}

/** A tranche that is not due, recorded as CANCELLED (e.g. the final tranche on dropout, R-END-01). */
export interface CancelPaymentEffect {
  kind: 'CANCEL_PAYMENT';
  trajectoryId: string;
  idempotencyKey: string;
  trancheKind: 'FINAL';
  decisionVersion: number;
  reason: NoFinalTrancheReason;
  explanation: string;
}

/** A due tranche withheld by the municipality with a written reason (domain.md §7.8). */
export interface WithholdPaymentEffect {
  kind: 'WITHHOLD_PAYMENT';
  trajectoryId: string;
  idempotencyKey: string;
  tranche: PlannedTranche;
  reasonRef: string;
  withheldByRef: string;
}

/** Start the breakthrough-table case (child workflow `breakthrough-{escalationId}`, domain.md §7.6). */
export interface StartBreakthroughEffect {
  kind: 'START_BREAKTHROUGH';
  docket: BreakthroughDocket;
}

export interface WithdrawBreakthroughEffect {
  kind: 'WITHDRAW_BREAKTHROUGH';
  trajectoryId: string;
  escalationId: string;
  reason: 'PROVIDER_STARTED' | 'TRAJECTORY_CLOSED';
}

export type NotifyAudience =
  | 'LOCAL_TEAM'
  | 'PROVIDER'
  | 'BREAKTHROUGH_TABLE'
  | 'FINANCE'
  | 'CONTRACT_MANAGEMENT'
  | 'CASE_SYSTEM'
  /** The resident with the supporters drafting the plan: the case system and the lead provider hear of it. */
  | 'DRAFTERS';

export type NotifyTopic =
  | 'PLAN_SUBMITTED'
  | 'PLAN_FULLY_SIGNED'
  | 'CHANGES_REQUESTED'
  | 'PLAN_REJECTED'
  | 'DECISION_ISSUED'
  | 'ESCALATED'
  | 'BREAKTHROUGH_DECIDED'
  | 'PROVIDER_START_OVERDUE'
  | 'EVALUATION_DUE'
  | 'EVALUATION_OVERDUE'
  | 'REASSESSMENT_DUE'
  | 'ARRANGEMENT_CHANGE_REQUESTED'
  | 'ARRANGEMENT_CHANGE_DECIDED'
  | 'TRAJECTORY_CLOSED'
  /** The family chose a lead provider: it may now read the trajectory and draft with the family. */
  | 'LEAD_PROVIDER_CHOSEN'
  /** Rules 2: a provider's evaluation waits for the local team's confirmation. */
  | 'EVALUATION_PROPOSED'
  /** A deadline of a wait is near (WaitSpec reminder). */
  | 'DEADLINE_APPROACHING'
  /** A wait whose outcome is to keep waiting is past its deadline; repeated every reminder interval. */
  | 'WAIT_OVERDUE';

/** A worklist item or message; ids only. */
export interface NotifyEffect {
  kind: 'NOTIFY';
  trajectoryId: string;
  topic: NotifyTopic;
  audience: NotifyAudience;
  ids: Record<string, string>;
}

/** Start the successor trajectory (R-SCALE-03, R-END-03); linked both ways. */
export interface StartSuccessorEffect {
  kind: 'START_SUCCESSOR';
  start: TrajectoryStart;
}

/** The trajectory closed, with the outcome record K-O1..3 (domain.md §6.1, §7.2 Closure). */
export interface ClosedEffect {
  kind: 'CLOSED';
  trajectoryId: string;
  reason: ClosureReason;
  closedAt: string;
  outcome: OutcomeIndicators;
  successorTrajectoryId?: string;
}

export type TrajectoryEffect =
  | AuditEffect
  | IssueDecisionEffect
  | PaymentEffect
  | CancelPaymentEffect
  | WithholdPaymentEffect
  | StartBreakthroughEffect
  | WithdrawBreakthroughEffect
  | NotifyEffect
  | StartSuccessorEffect
  | ClosedEffect;

export type TrajectoryEffectKind = TrajectoryEffect['kind'];

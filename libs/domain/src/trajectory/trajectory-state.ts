import type { ClosureReason, PaymentHistoryEvent } from '../payments';
import type { PolicyDuration } from '../policy';
import type { ArrangementChange, ChangeDirection } from './arrangement-change';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { CareDecision } from './care-decision';
import type { Escalation } from './escalation';
import type { EvaluationProposal, EvaluationRecord } from './evaluation';
import type { OutcomeIndicators } from './outcome-indicators';
import type { FinalTrancheWithhold, PaymentRecord } from './payment-record';
import type { ApprovalRound, PerspectivePlan, PlanExemption } from './perspective-plan';
import type { TrajectoryEffect } from './trajectory-effect';
import type { TrajectoryStart } from './trajectory-start';
import type { TrajectoryStatus } from './trajectory-status';

/** What a wait's reminders were: for the wait with deadline `deadlineAt`, reminded, and last overdue notice. */
export interface WaitReminder {
  deadlineAt: string;
  remindedAt?: string;
  overdueNoticeAt?: string;
}

/** The local team's clock on a submitted plan version (domain.md §4.5); ESCALATED pauses it. */
export interface ApprovalClock {
  planVersion: number;
  startedAt: string;
  deadlineAt: string;
  pausedAt?: string;
}

/** The evaluation and reassessment timers of care in progress (domain.md §7.5). */
export interface CareSchedule {
  nextEvaluationAt?: string;
  evaluationOverdueAt?: string;
  evaluationDue: boolean;
  evaluationOverdue: boolean;
  /** High complexity: one year after the start, then after each renewal (R-TIME-02). */
  reassessmentAt?: string;
}

/** Period-priced policies: the next period boundary to pay (domain.md §7.5 "Period payments"). */
export interface PeriodSchedule {
  /** The start of care; boundaries are counted from it so that months never drift. */
  anchorAt: string;
  period: PolicyDuration;
  nextPeriod: number;
  nextBoundaryAt: string;
}

export interface Closure {
  reason: ClosureReason;
  closedAt: string;
  outcome: OutcomeIndicators;
}

/**
 * The whole state of one trajectory (traject): what it started with (segment and complexity may be
 * reclassified by the table, the lead provider changes with decisions) and everything since. Plain JSON
 * (ISO strings for instants, integer cents for money, no Dates, Maps or class instances): it is carried
 * through continue-as-new unchanged.
 */
export interface TrajectoryState extends Omit<TrajectoryStart, 'requestedBy'> {
  schemaVersion: 1;
  /**
   * The rules the trajectory runs under. Absent (1): as before issue 14, without deadlines on every wait.
   * 2: every wait for a person has a deadline, a reminder and an outcome (lifecycle/upgrade-rules.ts).
   */
  rulesVersion?: 2;
  /** When drafting began (rules 2): the drafters' deadline counts from it. */
  draftingStartedAt?: string;
  /** Reminders sent per wait, keyed by the wait's deadline, so that each is sent once (rules 2). */
  waitReminders?: Record<string, WaitReminder>;
  successorTrajectoryId?: string;
  status: TrajectoryStatus;
  createdAt: string;
  updatedAt: string;
  /** The last audit seq issued; AUDIT effects are idempotent on (trajectoryId, seq). */
  auditSeq: number;
  /** Recent client command ids, so that a retried command is a no-op across continue-as-new. */
  recentCommandIds: string[];
  planRequired: boolean;
  exemption?: PlanExemption;
  /** The family's choice of lead provider as recorded before a plan names it (plan/choose-lead-provider.ts). */
  leadProviderChoice?: { providerId: string; attestedByRef: string; at: string };
  plan?: PerspectivePlan;
  rounds: ApprovalRound[];
  firstSubmittedAt?: string;
  approvalClock?: ApprovalClock;
  /** Set by RETURN_WITH_INSTRUCTIONS: the drafters' new deadline (domain.md §4.4). */
  resubmissionDeadlineAt?: string;
  /** The local team's counter-offer, for the table's docket and a provisional start (decisions.md 3). */
  offeredArrangement?: ArrangementTerms;
  escalations: Escalation[];
  decisions: CareDecision[];
  providerStartDeadlineAt?: string;
  startedAt?: string;
  care: CareSchedule;
  evaluations: EvaluationRecord[];
  /** Rules 2: a provider's evaluation that waits for the local team (care/decide-evaluation-proposal.ts). */
  evaluationProposal?: EvaluationProposal;
  /** An evaluation asked for scaling (SCALE_UP / SCALE_DOWN); a requestArrangementChange is expected. */
  scalingAsked?: { direction: ChangeDirection; since: string; evaluationNumber: number };
  pendingChange?: ArrangementChange;
  changeCount: number;
  /** Set when the trajectory entered REASSESSMENT; the renewal window counts from it. */
  reassessment?: { reason: 'YEARLY' | 'DECISION_VALIDITY_ENDED' | 'EVALUATION'; since: string };
  /** The money events the payment rules replay (payments/paymentScheduleFor). */
  paymentHistory: PaymentHistoryEvent[];
  payments: PaymentRecord[];
  periodSchedule?: PeriodSchedule;
  finalTrancheWithhold?: FinalTrancheWithhold;
  closure?: Closure;
}

/** What every pure function of this module returns; the shell executes the effects in order. */
export interface Transition {
  state: TrajectoryState;
  effects: TrajectoryEffect[];
}

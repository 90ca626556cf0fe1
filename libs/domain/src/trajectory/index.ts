/**
 * The pure lifecycle core of one trajectory (traject), domain.md §7.3–§7.5: every function maps
 * (state, input, now) to a Transition { state, effects }. No clock, no I/O, no framework: it runs inside
 * Temporal's deterministic workflow sandbox, and the workflow is a thin shell that executes the effects.
 */
export { createTrajectory } from './create-trajectory';
export { applyCommand } from './apply-command';
export { assertCommandAllowed, isDuplicateCommand } from './assert-command-allowed';
export { applyDueTimers, nextDeadline } from './apply-due-timers';
export { applyBreakthroughDecision, assertBreakthroughDecisionAllowed } from './apply-breakthrough-decision';
export { allowedActions, isActionOpen, ROLES_BY_COMMAND } from './command-access';
export { isAtEvaluationBoundary, trajectoryView } from './trajectory-view';
export type { Blocker, BlockingParty, TrajectoryDeadlines, TrajectoryView } from './trajectory-view';
export { pendingTimers, TIMER_ORDER } from './trajectory-timers';
export type { PendingTimer, TimerKind } from './trajectory-timers';
export { jsonCopy } from './json-copy';
export { TransitionRejected } from './transition-rejected';
export type { RejectionCode, RuleViolation, TransitionRejectedDetails } from './transition-rejected';
export { ACTOR_ROLES, SYSTEM_ACTOR } from './actor';
export type { Actor, ActorRole } from './actor';
export { TRAJECTORY_STATUSES } from './trajectory-status';
export type { TrajectoryStatus } from './trajectory-status';
export { TRAJECTORY_COMMAND_TYPES } from './trajectory-command';
export type { CommandOf, TrajectoryCommand, TrajectoryCommandType } from './trajectory-command';
export type * from './trajectory-effect';
export type { TrajectoryStart } from './trajectory-start';
export type {
  ApprovalClock,
  CareSchedule,
  Closure,
  PeriodSchedule,
  Transition,
  TrajectoryState,
} from './trajectory-state';
export type {
  ArrangementTerms,
  CareDomain,
  CareSegment,
  ComplexityClass,
  TrajectoryType,
} from './arrangement-terms';
export { CHANGE_REASON_CODES, SIGNATURE_PARTIES } from './perspective-plan';
export type {
  ApprovalRound,
  ChangeReasonCode,
  IntensityProposer,
  PerspectivePlan,
  PlanDraft,
  PlanExemption,
  PlanResult,
  PlanStatus,
  Signature,
  SignatureParty,
} from './perspective-plan';
export { DECISION_CAUSES } from './care-decision';
export type { CareAssignment, CareDecision, DecisionCause } from './care-decision';
export type { Escalation, EscalationStatus } from './escalation';
export { ATTAINMENTS, CLIENT_SATISFACTIONS } from './evaluation';
export type {
  Attainment,
  ClientSatisfaction,
  EvaluationInput,
  EvaluationOutcome,
  EvaluationRecord,
  EvaluationType,
  ResultAssessment,
} from './evaluation';
export type { ArrangementChange, ChangeDirection } from './arrangement-change';
export type { OutcomeIndicators } from './outcome-indicators';
export type { FinalTrancheWithhold, PaymentRecord } from './payment-record';
export type {
  BreakthroughDecision,
  BreakthroughDecisionCode,
  BreakthroughDocket,
  EscalationContext,
  EscalationTrigger,
} from '../breakthrough';

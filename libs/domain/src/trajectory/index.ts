/**
 * The trajectory (traject) as a record: its state and the parts it is made of (plan, decisions,
 * escalations, evaluations, changes, payments), the effects a transition produces, and the shapes of a
 * command and a timer. The feature folders (plan, escalation, care, scaling, closure, finance) change it;
 * the lifecycle folder puts them together.
 */
export { TRAJECTORY_STATUSES } from './trajectory-status';
export type { TrajectoryStatus } from './trajectory-status';
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
export type { CommandBase, CommandSpec } from './command';
export type { TimerSpec } from './timer';
export type { WaitClock, WaitSpec } from './wait';
export { CURRENT_RULES, rulesOf } from './rules-version';
export type { RulesVersion } from './rules-version';
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
  EvaluationProposal,
  EvaluationRecord,
  EvaluationType,
  ResultAssessment,
} from './evaluation';
export type { ArrangementChange, ChangeDirection } from './arrangement-change';
export type { OutcomeIndicators } from './outcome-indicators';
export type { FinalTrancheWithhold, PaymentRecord } from './payment-record';

import { deadlineFrom, laterOf } from './policy-time';
import { currentDecision } from './care-decision';
import { openEscalation } from './escalation';
import type { TrajectoryState } from './trajectory-state';
import { isInCare } from './trajectory-status';

/**
 * The deadlines a trajectory waits for, in the order applyDueTimers applies them when several have
 * passed (domain.md §7.5).
 */
export type TimerKind =
  | 'APPROVAL_DEADLINE'
  | 'RESUBMISSION_DEADLINE'
  | 'CHANGE_DEADLINE'
  | 'PROVIDER_START_DEADLINE'
  | 'EVALUATION_DUE'
  | 'EVALUATION_OVERDUE'
  | 'REASSESSMENT_DUE'
  | 'DECISION_VALIDITY_END'
  | 'PERIOD_BOUNDARY'
  | 'RENEWAL_DEADLINE';

export const TIMER_ORDER: readonly TimerKind[] = [
  'APPROVAL_DEADLINE',
  'RESUBMISSION_DEADLINE',
  'CHANGE_DEADLINE',
  'PROVIDER_START_DEADLINE',
  'EVALUATION_DUE',
  'EVALUATION_OVERDUE',
  'REASSESSMENT_DUE',
  'DECISION_VALIDITY_END',
  'PERIOD_BOUNDARY',
  'RENEWAL_DEADLINE',
];

export interface PendingTimer {
  kind: TimerKind;
  at: string;
}

/**
 * DEFAULT (not in the documents): a REASSESSMENT whose decision has run out closes as DECISION_EXPIRED
 * when the local team has not renewed within its own decision time (policy.approvalDeadline, §4.5),
 * counted from the later of the decision's end and the start of the reassessment.
 */
export function renewalDeadlineOf(state: TrajectoryState): string | undefined {
  const decision = currentDecision(state);
  if (state.status !== 'REASSESSMENT' || decision === undefined || state.reassessment === undefined) {
    return undefined;
  }
  if (state.pendingChange !== undefined || openEscalation(state) !== undefined) return undefined;
  return deadlineFrom(
    state.policy,
    laterOf(decision.validTo, state.reassessment.since),
    state.policy.approvalDeadline,
  );
}

/**
 * Every timer the state waits for. nextDeadline and applyDueTimers both read this one list, so a wake-up
 * at nextDeadline always makes progress.
 */
export function pendingTimers(state: TrajectoryState): PendingTimer[] {
  const timers: PendingTimer[] = [];
  const add = (kind: TimerKind, at: string | undefined): void => {
    if (at !== undefined) timers.push({ kind, at });
  };
  const status = state.status;
  if (status === 'AWAITING_APPROVAL' && state.approvalClock?.pausedAt === undefined) {
    add('APPROVAL_DEADLINE', state.approvalClock?.deadlineAt);
  }
  if (status === 'CHANGES_REQUESTED') add('RESUBMISSION_DEADLINE', state.resubmissionDeadlineAt);
  if (isInCare(status) && state.pendingChange?.status !== 'ESCALATED') {
    add('CHANGE_DEADLINE', state.pendingChange?.deadlineAt);
  }
  if (status === 'DECIDED') add('PROVIDER_START_DEADLINE', state.providerStartDeadlineAt);
  if (status === 'ACTIVE') {
    if (!state.care.evaluationDue) add('EVALUATION_DUE', state.care.nextEvaluationAt);
    else if (!state.care.evaluationOverdue) add('EVALUATION_OVERDUE', state.care.evaluationOverdueAt);
    add('REASSESSMENT_DUE', state.care.reassessmentAt);
    add('DECISION_VALIDITY_END', currentDecision(state)?.validTo);
  }
  const schedule = state.periodSchedule;
  const decision = currentDecision(state);
  // A period is paid only under a decision valid when it begins; past validTo the schedule waits for renewal.
  if (
    isInCare(status) &&
    schedule !== undefined &&
    decision !== undefined &&
    schedule.nextBoundaryAt < decision.validTo
  ) {
    add('PERIOD_BOUNDARY', schedule.nextBoundaryAt);
  }
  add('RENEWAL_DEADLINE', renewalDeadlineOf(state));
  return timers;
}

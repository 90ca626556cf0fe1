import {
  decisionValidityEnd,
  evaluationDue,
  evaluationOverdue,
  periodPayment,
  providerStartDeadline,
  reassessmentDue,
  renewalDeadline,
} from '../care/care-timers';
import { approvalDeadline, resubmissionDeadline } from '../plan/plan-timers';
import { changeDeadline } from '../scaling/scaling-timers';
import type { TimerSpec } from '../trajectory/timer';
import { WAIT_TIMERS, type WaitTimerKind } from './trajectory-waits';
import type { TrajectoryState } from '../trajectory/trajectory-state';

/**
 * Every deadline a trajectory waits for (domain.md §7.5), in the order applyDueTimers applies them when
 * several have passed: approval → provider start → evaluation due → overdue → reassessment → period
 * payments → expiry, then the waits' outcomes, notices and reminders. Adding a timer: its descriptor in the
 * feature folder and one line here.
 */
const LIFECYCLE_TIMERS = {
  APPROVAL_DEADLINE: approvalDeadline,
  RESUBMISSION_DEADLINE: resubmissionDeadline,
  CHANGE_DEADLINE: changeDeadline,
  PROVIDER_START_DEADLINE: providerStartDeadline,
  EVALUATION_DUE: evaluationDue,
  EVALUATION_OVERDUE: evaluationOverdue,
  REASSESSMENT_DUE: reassessmentDue,
  DECISION_VALIDITY_END: decisionValidityEnd,
  PERIOD_BOUNDARY: periodPayment,
  RENEWAL_DEADLINE: renewalDeadline,
} as const satisfies Record<string, TimerSpec>;

/** The lifecycle's own timers first, then those of the waits (trajectory-waits.ts). */
export const TIMERS: Readonly<Record<TimerKind, TimerSpec>> = { ...LIFECYCLE_TIMERS, ...WAIT_TIMERS };

export type TimerKind = keyof typeof LIFECYCLE_TIMERS | WaitTimerKind;

/** A wait's timer named like one of the lifecycle's would replace it in TIMERS; this does not compile then. */
const noNameTwice: Extract<keyof typeof LIFECYCLE_TIMERS, WaitTimerKind> extends never ? true : false = true;
void noNameTwice;

export const TIMER_ORDER = Object.keys(TIMERS) as readonly TimerKind[];

export interface PendingTimer {
  kind: TimerKind;
  at: string;
}

/**
 * Every timer the state waits for. nextDeadline and applyDueTimers both read this one list, so a wake-up
 * at nextDeadline always makes progress.
 */
export function pendingTimers(state: TrajectoryState): PendingTimer[] {
  const timers: PendingTimer[] = [];
  for (const kind of TIMER_ORDER) {
    const at = TIMERS[kind].dueAt(state);
    if (at !== undefined) timers.push({ kind, at });
  }
  return timers;
}

import { isPeriodPricedPreset } from '../payments';
import { evaluationIntervalFor, evaluationOverdueAt, paymentPeriodFor } from '../policy';
import type { PolicyDuration } from '../policy';
import { currentDecision } from '../trajectory/care-decision';
import { deadlineFrom, multiplyDuration } from '../shared/policy-time';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';

/**
 * The interval to the next evaluation: the trajectory's own frequency (R-TIME-05) wins; otherwise an
 * intensive indication uses the shorter interval (R-TIME-04); the first evaluation of an ordinary
 * indication uses `firstEvaluation` (domain.md §7.5: 3 months after the start, [002:L38]).
 */
export function evaluationInterval(state: TrajectoryState, first: boolean): PolicyDuration {
  if (first && state.evaluationIntervalOverride === undefined && !state.intensive) {
    return state.policy.firstEvaluation;
  }
  return evaluationIntervalFor(state.policy, {
    intensive: state.intensive,
    ...(state.evaluationIntervalOverride !== undefined ? { override: state.evaluationIntervalOverride } : {}),
  });
}

/** Sets the next evaluation and its overdue instant (policy.evaluationGrace), clearing the flags. */
export function scheduleEvaluation(draft: TransitionDraft, from: string, first: boolean): void {
  const state = draft.state;
  const dueAt = deadlineFrom(state.policy, from, evaluationInterval(state, first));
  state.care.nextEvaluationAt = dueAt;
  state.care.evaluationOverdueAt = evaluationOverdueAt(state.policy, new Date(dueAt)).toISOString();
  state.care.evaluationDue = false;
  state.care.evaluationOverdue = false;
}

/** R-TIME-02: high-complexity indications are reassessed a year after the start (or the renewal). */
export function scheduleReassessment(draft: TransitionDraft, from: string): void {
  const state = draft.state;
  if (state.complexity === 'HIGH') {
    state.care.reassessmentAt = deadlineFrom(state.policy, from, state.policy.highComplexityReassessment);
  } else {
    delete state.care.reassessmentAt;
  }
}

/** The instant period `n` (1-based) begins: the anchor plus n − 1 periods, counted without drift. */
export function periodBoundary(state: TrajectoryState, n: number): string {
  const schedule = state.periodSchedule;
  if (schedule === undefined) throw new RangeError('no period schedule');
  return deadlineFrom(state.policy, schedule.anchorAt, multiplyDuration(schedule.period, n - 1));
}

/**
 * Period-priced policies (MONTHLY, PERIOD_4W_BLOCKS, ANNUAL_HIGH_COMPLEX) pay period 1 at the start; this
 * sets the boundary of period 2 (domain.md §7.5 "Period payments": per month or per 4 weeks).
 */
export function startPeriodSchedule(draft: TransitionDraft, anchorAt: string): void {
  const state = draft.state;
  const policy = currentDecision(state)?.paymentPolicy;
  if (policy === undefined || !isPeriodPricedPreset(policy.preset) || policy.periodLength === undefined) {
    return;
  }
  state.periodSchedule = {
    anchorAt,
    period: paymentPeriodFor(state.policy, policy.periodLength),
    nextPeriod: 2,
    nextBoundaryAt: anchorAt,
  };
  state.periodSchedule.nextBoundaryAt = periodBoundary(state, 2);
}

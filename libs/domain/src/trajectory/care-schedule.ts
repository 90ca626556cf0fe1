import type { TrajectoryState } from './trajectory-state';

/** Stops the evaluation timers, e.g. while the indication is reassessed or after closure. */
export function suspendEvaluations(state: TrajectoryState): void {
  delete state.care.nextEvaluationAt;
  delete state.care.evaluationOverdueAt;
  state.care.evaluationDue = false;
  state.care.evaluationOverdue = false;
}

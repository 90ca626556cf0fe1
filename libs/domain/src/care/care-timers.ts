import { closeTrajectory } from '../closure/closing';
import { raiseEscalation } from '../escalation/escalation-raising';
import { recordPaymentEvent } from '../finance/payment-issuing';
import { SYSTEM_ACTOR } from '../shared/actor';
import { deadlineFrom, laterOf } from '../shared/policy-time';
import { currentDecision } from '../trajectory/care-decision';
import { openEscalation } from '../trajectory/escalation';
import type { TimerSpec } from '../trajectory/timer';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';
import { periodBoundary } from './care-scheduling';
import { enterReassessment } from './reassessment';

/** The provider's start clock after a decision (domain.md §4.5: 10 working days, then escalation). */
export const providerStartDeadline: TimerSpec = {
  dueAt: (state) => (state.status === 'DECIDED' ? state.providerStartDeadlineAt : undefined),
  fire(draft) {
    const state = draft.state;
    delete state.providerStartDeadlineAt;
    const escalation = openEscalation(state);
    if (escalation === undefined) {
      // domain.md §4.5: 10 working days after the decision, then PROVIDER_NOT_STARTING ([001:L383]).
      raiseEscalation(draft, { trigger: 'PROVIDER_NOT_STARTING', context: 'START', actor: SYSTEM_ACTOR });
      return;
    }
    // The table already has the case (a provisional start); it hears that the provider has not started.
    recordAudit(draft, 'PROVIDER_START_OVERDUE', SYSTEM_ACTOR, { escalationId: escalation.id });
    notify(draft, 'PROVIDER_START_OVERDUE', 'BREAKTHROUGH_TABLE', { escalationId: escalation.id });
  },
};

/** The next evaluation falls due (domain.md §7.5: 3 months after the start, then the policy's interval). */
export const evaluationDue: TimerSpec = {
  dueAt: (state) =>
    state.status === 'ACTIVE' && !state.care.evaluationDue ? state.care.nextEvaluationAt : undefined,
  fire(draft, at) {
    draft.state.care.evaluationDue = true;
    recordAudit(draft, 'EVALUATION_DUE', SYSTEM_ACTOR, { dueAt: at });
    notify(draft, 'EVALUATION_DUE', 'LOCAL_TEAM', { dueAt: at });
  },
};

/** A due evaluation not held within the policy's grace is overdue (monitoring, the local team's worklist). */
export const evaluationOverdue: TimerSpec = {
  dueAt: (state) =>
    state.status === 'ACTIVE' && state.care.evaluationDue && !state.care.evaluationOverdue
      ? state.care.evaluationOverdueAt
      : undefined,
  fire(draft, at) {
    const state = draft.state;
    state.care.evaluationOverdue = true;
    recordAudit(draft, 'EVALUATION_OVERDUE', SYSTEM_ACTOR, { dueAt: state.care.nextEvaluationAt ?? null });
    notify(draft, 'EVALUATION_OVERDUE', 'LOCAL_TEAM', { overdueAt: at });
  },
};

function startReassessment(
  draft: TransitionDraft,
  reason: 'YEARLY' | 'DECISION_VALIDITY_ENDED',
  at: string,
): void {
  enterReassessment(draft, reason);
  recordAudit(draft, 'REASSESSMENT_STARTED', SYSTEM_ACTOR, { reason, dueAt: at });
}

/** R-TIME-02: a high-complexity indication is reassessed a year after the start (or the renewal). */
export const reassessmentDue: TimerSpec = {
  dueAt: (state) => (state.status === 'ACTIVE' ? state.care.reassessmentAt : undefined),
  fire: (draft, at) => startReassessment(draft, 'YEARLY', at),
};

/** The decision's validity ends while care goes on: the indication is reassessed (herindicatie). */
export const decisionValidityEnd: TimerSpec = {
  dueAt: (state) => (state.status === 'ACTIVE' ? currentDecision(state)?.validTo : undefined),
  fire: (draft, at) => startReassessment(draft, 'DECISION_VALIDITY_ENDED', at),
};

/** Period-priced policies pay each period when it begins (domain.md §7.5 "Period payments"). */
export const periodPayment: TimerSpec = {
  dueAt(state) {
    const schedule = state.periodSchedule;
    const decision = currentDecision(state);
    // A period is paid only under a decision valid when it begins; past validTo the schedule waits for renewal.
    return isInCare(state.status) &&
      schedule !== undefined &&
      decision !== undefined &&
      schedule.nextBoundaryAt < decision.validTo
      ? schedule.nextBoundaryAt
      : undefined;
  },
  fire(draft, at) {
    const state = draft.state;
    const schedule = state.periodSchedule!;
    const period = schedule.nextPeriod;
    recordPaymentEvent(draft, { type: 'PERIOD_STARTED', period }, at);
    schedule.nextPeriod = period + 1;
    schedule.nextBoundaryAt = periodBoundary(state, period + 1);
    recordAudit(draft, 'PERIOD_STARTED', SYSTEM_ACTOR, { period, periodStart: at });
  },
};

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

export const renewalDeadline: TimerSpec = {
  dueAt: renewalDeadlineOf,
  fire(draft, at) {
    closeTrajectory(draft, 'DECISION_EXPIRED', SYSTEM_ACTOR, { details: { renewalDeadline: at } });
  },
};

import { SYSTEM_ACTOR } from './actor';
import { enterReassessment } from './care-transitions';
import { closeTrajectory } from './closing';
import { openEscalation } from './escalation';
import { raiseEscalation } from './escalation-raising';
import { periodBoundary } from './care-scheduling';
import { recordPaymentEvent } from './payment-issuing';
import { closeDraft, notify, openDraft, recordAudit } from './transition-draft';
import type { TransitionDraft } from './transition-draft';
import { pendingTimers, TIMER_ORDER } from './trajectory-timers';
import type { PendingTimer, TimerKind } from './trajectory-timers';
import type { Transition, TrajectoryState } from './trajectory-state';

/** Sanity cap: ten years of 4-week periods plus every other timer; not a rule from the documents. */
const MAX_TIMER_STEPS = 1_000;

function applyTimer(draft: TransitionDraft, timer: PendingTimer): void {
  const state = draft.state;
  switch (timer.kind) {
    case 'APPROVAL_DEADLINE':
    case 'RESUBMISSION_DEADLINE':
      // domain.md §4.2 APPROVAL_SLA_EXCEEDED: "weken, en soms maanden" without an adopted plan [001:L165].
      raiseEscalation(draft, { trigger: 'APPROVAL_SLA_EXCEEDED', context: 'PLAN', actor: SYSTEM_ACTOR });
      return;
    case 'CHANGE_DEADLINE': {
      const change = state.pendingChange!;
      if (change.status === 'SUBMITTED' && openEscalation(state) === undefined) {
        raiseEscalation(draft, { trigger: 'APPROVAL_SLA_EXCEEDED', context: 'SCALING', actor: SYSTEM_ACTOR });
        return;
      }
      // DEFAULT: a change returned by the table and not resubmitted in time lapses; care goes on as decided.
      delete state.pendingChange;
      delete state.scalingAsked;
      recordAudit(draft, 'ARRANGEMENT_CHANGE_LAPSED', SYSTEM_ACTOR, { changeId: change.id });
      notify(draft, 'ARRANGEMENT_CHANGE_DECIDED', 'LOCAL_TEAM', { changeId: change.id, decision: 'LAPSED' });
      return;
    }
    case 'PROVIDER_START_DEADLINE':
      delete state.providerStartDeadlineAt;
      if (openEscalation(state) === undefined) {
        // domain.md §4.5: 10 working days after the decision, then PROVIDER_NOT_STARTING ([001:L383]).
        raiseEscalation(draft, { trigger: 'PROVIDER_NOT_STARTING', context: 'START', actor: SYSTEM_ACTOR });
        return;
      }
      // The table already has the case (a provisional start); it hears that the provider has not started.
      recordAudit(draft, 'PROVIDER_START_OVERDUE', SYSTEM_ACTOR, { escalationId: openEscalation(state)!.id });
      notify(draft, 'PROVIDER_START_OVERDUE', 'BREAKTHROUGH_TABLE', {
        escalationId: openEscalation(state)!.id,
      });
      return;
    case 'EVALUATION_DUE':
      state.care.evaluationDue = true;
      recordAudit(draft, 'EVALUATION_DUE', SYSTEM_ACTOR, { dueAt: timer.at });
      notify(draft, 'EVALUATION_DUE', 'LOCAL_TEAM', { dueAt: timer.at });
      return;
    case 'EVALUATION_OVERDUE':
      state.care.evaluationOverdue = true;
      recordAudit(draft, 'EVALUATION_OVERDUE', SYSTEM_ACTOR, { dueAt: state.care.nextEvaluationAt ?? null });
      notify(draft, 'EVALUATION_OVERDUE', 'LOCAL_TEAM', { overdueAt: timer.at });
      return;
    case 'REASSESSMENT_DUE':
    case 'DECISION_VALIDITY_END': {
      const reason = timer.kind === 'REASSESSMENT_DUE' ? 'YEARLY' : 'DECISION_VALIDITY_ENDED';
      enterReassessment(draft, reason);
      recordAudit(draft, 'REASSESSMENT_STARTED', SYSTEM_ACTOR, { reason, dueAt: timer.at });
      return;
    }
    case 'PERIOD_BOUNDARY': {
      const schedule = state.periodSchedule!;
      const period = schedule.nextPeriod;
      recordPaymentEvent(draft, { type: 'PERIOD_STARTED', period }, timer.at);
      schedule.nextPeriod = period + 1;
      schedule.nextBoundaryAt = periodBoundary(state, period + 1);
      recordAudit(draft, 'PERIOD_STARTED', SYSTEM_ACTOR, { period, periodStart: timer.at });
      return;
    }
    case 'RENEWAL_DEADLINE':
      closeTrajectory(draft, 'DECISION_EXPIRED', SYSTEM_ACTOR, { details: { renewalDeadline: timer.at } });
      return;
  }
}

function firstDue(state: TrajectoryState, at: string): PendingTimer | undefined {
  const due = pendingTimers(state).filter((t) => t.at <= at);
  const rank = (kind: TimerKind): number => TIMER_ORDER.indexOf(kind);
  due.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return due[0];
}

/**
 * Applies every deadline that has passed at `now`, in the order of TIMER_ORDER: approval deadline →
 * provider start → evaluation due → evaluation overdue → reassessment → period payments → expiry. Each
 * step is its own audited transition. Nothing due: the same state and no effects.
 */
export function applyDueTimers(state: TrajectoryState, now: Date): Transition {
  const draft = openDraft(state, now);
  for (let step = 0; step < MAX_TIMER_STEPS; step += 1) {
    const timer = firstDue(draft.state, draft.at);
    if (timer === undefined) return closeDraft(draft);
    applyTimer(draft, timer);
  }
  throw new RangeError(`more than ${MAX_TIMER_STEPS} timers due at once; is the clock or the policy wrong?`);
}

/** The earliest pending deadline: the shell sleeps until then (or until a command arrives). */
export function nextDeadline(state: TrajectoryState): string | undefined {
  return pendingTimers(state)
    .map((t) => t.at)
    .reduce<string | undefined>(
      (earliest, at) => (earliest === undefined || at < earliest ? at : earliest),
      undefined,
    );
}

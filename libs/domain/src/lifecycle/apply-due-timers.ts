import { closeDraft, openDraft } from '../trajectory/transition-draft';
import type { Transition, TrajectoryState } from '../trajectory/trajectory-state';
import { pendingTimers, TIMER_ORDER, TIMERS } from './trajectory-timers';
import type { PendingTimer, TimerKind } from './trajectory-timers';

/** Sanity cap: ten years of 4-week periods plus every other timer; not a rule from the documents. */
const MAX_TIMER_STEPS = 1_000;

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
    TIMERS[timer.kind].fire(draft, timer.at);
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

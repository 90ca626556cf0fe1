import type { TransitionDraft } from './transition-draft';
import type { TrajectoryState } from './trajectory-state';

/**
 * One deadline a trajectory waits for (domain.md §7.5), in one object: when it falls due in a state, and
 * what happens when it has passed. The lifecycle's registry (lifecycle/trajectory-timers.ts) lists them in
 * the order they apply when several have passed; the workflow sleeps until the earliest.
 */
export interface TimerSpec {
  /** The instant it falls due in this state, or undefined when the state does not wait for it. */
  dueAt(state: TrajectoryState): string | undefined;
  /** The transition when it has passed; `at` is the instant it fell due. */
  fire(draft: TransitionDraft, at: string): void;
}

import type { PolicyDuration } from '../policy';
import type { NotifyAudience } from './trajectory-effect';
import type { TransitionDraft } from './transition-draft';
import type { TrajectoryState } from './trajectory-state';

/** A wait for a person: since when (if known) and its deadline. */
export interface WaitClock {
  since?: string;
  deadlineAt: string;
}

/**
 * One way a trajectory waits for a person (the local team, the drafters, a signatory, the provider), with
 * its deadline, the reminder before it and the outcome at it (issue "no plan stalls"; the table in the
 * README). The lifecycle turns each into timers (lifecycle/trajectory-waits.ts): a reminder before the
 * deadline, the outcome at it, and, where the outcome is to keep waiting, a notice every reminder interval.
 */
export interface WaitSpec {
  /** The wait the state is in, if any. */
  clock(state: TrajectoryState): WaitClock | undefined;
  /** Who is reminded and told (a function where it depends on the trajectory, e.g. its domain). */
  party: NotifyAudience | ((state: TrajectoryState) => NotifyAudience);
  /** Whether to remind before the deadline (false where another timer already tells the party). */
  remindBefore: boolean;
  /** How long before the deadline to remind, when not the policy's `reminderLead`. */
  reminderLead?: PolicyDuration;
  /** The outcome at the deadline; absent when an existing timer of the lifecycle handles the deadline. */
  expire?(draft: TransitionDraft, at: string): void;
  /** After the deadline the wait goes on (a documented outcome): a notice every reminder interval. */
  noticeAfterDeadline: boolean;
}

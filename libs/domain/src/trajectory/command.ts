import type { Actor, ActorRole } from '../shared/actor';
import type { RuleViolation } from '../shared/transition-rejected';
import type { TransitionDraft } from './transition-draft';
import type { TrajectoryState } from './trajectory-state';

/** What every command carries besides its own input. */
export interface CommandBase {
  actor: Actor;
  /** Client-supplied; a command id seen before makes the command a no-op (a safe retry). */
  commandId?: string;
}

/**
 * One command of domain.md §7.4 with everything about it in one object: who may send it, in which states
 * it is open, the rules its input must keep, and the transition. The lifecycle's registry
 * (lifecycle/commands.ts) lists every descriptor; the union of command types, the roles table, the
 * allowed actions, the validator and the dispatch are all read from it. Every member is required, so the
 * compiler refuses a command without roles, rules or transition.
 */
export interface CommandSpec<C extends CommandBase & { type: string }> {
  /** The roles that may send it (domain.md §3.7); never empty. */
  readonly roles: readonly [ActorRole, ...ActorRole[]];
  /** Whether the state allows the action at all, whatever its input (§7.4 "From"): otherwise 409. */
  isOpen(state: TrajectoryState): boolean;
  /** The rules the input breaks in this state (the role is checked before): any makes it 422. */
  violations(state: TrajectoryState, command: C, now: Date): RuleViolation[];
  /** The transition, on the draft's private copy of the state; runs only after the checks passed. */
  apply(draft: TransitionDraft, command: C): void;
}

/** The command type a descriptor handles. */
export type CommandOfSpec<S> = S extends CommandSpec<infer C> ? C : never;

/** A command without rules of its own beyond its role and state. */
export function noViolations(): RuleViolation[] {
  return [];
}

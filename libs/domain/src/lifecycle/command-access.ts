import type { ActorRole } from '../shared/actor';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { COMMANDS, commandSpec, TRAJECTORY_COMMAND_TYPES } from './commands';
import type { TrajectoryCommandType } from './commands';

/**
 * Who may send which command (domain.md §3.7, §4.3 DEFAULT), read from the descriptors. The client acts
 * through the case system or the local team; the access worker may record the family's choices on their
 * behalf (R-ROLE-05, R-ROLE-07).
 */
export const ROLES_BY_COMMAND = Object.fromEntries(
  TRAJECTORY_COMMAND_TYPES.map((type) => [type, COMMANDS[type].roles]),
) as unknown as Readonly<Record<TrajectoryCommandType, readonly ActorRole[]>>;

/** Whether the state allows the action at all, whatever its input (domain.md §7.4 "From" column). */
export function isActionOpen(state: TrajectoryState, type: TrajectoryCommandType): boolean {
  return commandSpec(type).isOpen(state);
}

/** The actions the current state allows, in the order of domain.md §7.4. */
export function allowedActions(state: TrajectoryState): TrajectoryCommandType[] {
  return TRAJECTORY_COMMAND_TYPES.filter((type) => isActionOpen(state, type));
}

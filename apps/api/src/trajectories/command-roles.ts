import type { Role } from '@app/contracts';
import { ROLES_BY_COMMAND, type Actor, type TrajectoryCommandType } from '@app/domain';
import type { Principal } from '../auth/principal';

/**
 * The roles the API lets call a command: exactly the domain's decision rights (domain.md §3.7), so the
 * route guard and the workflow's own check can never disagree. SYSTEM acts through timers only.
 */
export function rolesFor(type: TrajectoryCommandType): Role[] {
  return ROLES_BY_COMMAND[type].filter((r): r is Role => r !== 'SYSTEM');
}

/** The actor recorded in the audit trail: the caller's subject, in the first of its roles the command allows. */
export function actorFor(principal: Principal, type: TrajectoryCommandType): Actor {
  const role = principal.roles.find((r) => ROLES_BY_COMMAND[type].includes(r)) ?? principal.roles[0];
  return { role, ref: principal.subject };
}

/** Of the actions a trajectory allows now, those the caller's roles may send (what a page offers it). */
export function actionsFor(
  principal: Principal,
  allowed: readonly TrajectoryCommandType[],
): TrajectoryCommandType[] {
  return allowed.filter((a) => rolesFor(a).some((r) => principal.roles.includes(r)));
}

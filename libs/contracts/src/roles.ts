import { ACTOR_ROLES, type ActorRole } from '@app/domain';

/**
 * Who acts on a trajectory (domain.md §3.7, §1.4): the domain's actor roles except SYSTEM, which acts
 * through timers only. Tokens carry these roles; the API allows each action to named roles only, and the
 * workflow checks the role again as a domain rule.
 */
export type Role = Exclude<ActorRole, 'SYSTEM'>;
export const ROLES: readonly Role[] = ACTOR_ROLES.filter((r): r is Role => r !== 'SYSTEM');

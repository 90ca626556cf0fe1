import { ACTOR_ROLES, type ActorRole } from '@app/domain';

/**
 * Who acts on a trajectory (domain.md §3.7, §1.4): the domain's actor roles except SYSTEM, which acts
 * through timers only. Tokens carry these roles; the API allows each action to named roles only, and the
 * workflow checks the role again as a domain rule.
 */
export type Role = Exclude<ActorRole, 'SYSTEM'>;
export const ROLES: readonly Role[] = ACTOR_ROLES.filter((r): r is Role => r !== 'SYSTEM');

/**
 * The roles of organisations and their staff: every role but CLIENT. The resident (or their representative)
 * reads only their own trajectories and never the feeds, lists or ledgers built for professionals.
 */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'CLIENT');

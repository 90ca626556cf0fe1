/**
 * Who sends a command to a trajectory (domain.md §1.4, §3.7). Refs are pseudonymous ids only: never a
 * name or a BSN (decisions.md 11).
 */
export type ActorRole =
  | 'CASE_SYSTEM'
  | 'LOCAL_TEAM'
  | 'PROVIDER'
  | 'BREAKTHROUGH_TABLE'
  | 'FINANCE'
  | 'OPERATOR'
  /** Contract management (contractmanagement): keeps the provider register; sends no trajectory command. */
  | 'CONTRACT_MANAGEMENT'
  /**
   * The resident or their legal representative (cliënt, wettelijk vertegenwoordiger), signed in through the
   * municipality's portal and scoped to their own trajectories: signs the plan, chooses the lead provider,
   * answers the satisfaction questions (issue 18, R-ROLE-04, R-ROLE-05, K-O3) — nothing else.
   */
  | 'CLIENT'
  | 'SYSTEM';

export const ACTOR_ROLES: readonly ActorRole[] = [
  'CASE_SYSTEM',
  'LOCAL_TEAM',
  'PROVIDER',
  'BREAKTHROUGH_TABLE',
  'FINANCE',
  'OPERATOR',
  'CONTRACT_MANAGEMENT',
  'CLIENT',
  'SYSTEM',
];

export interface Actor {
  role: ActorRole;
  ref: string;
}

/** The actor of every timer-driven transition (domain.md §4.3: the system may raise an escalation). */
export const SYSTEM_ACTOR: Actor = Object.freeze({ role: 'SYSTEM', ref: 'trajectory-timers' }) as Actor;

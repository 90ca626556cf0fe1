/**
 * The shared kernel of the lifecycle and the breakthrough table: who acts, the priced arrangement, the
 * rejection a refused command carries, the policy's clock, and small helpers for rules. Every other folder
 * of the domain may import it; it imports only calendar, policy and payments.
 */
export { ACTOR_ROLES, SYSTEM_ACTOR } from './actor';
export type { Actor, ActorRole } from './actor';
export type {
  ArrangementTerms,
  CareDomain,
  CareSegment,
  ComplexityClass,
  TrajectoryType,
} from './arrangement-terms';
export { jsonCopy } from './json-copy';
export { TransitionRejected } from './transition-rejected';
export type { RejectionCode, RuleViolation, TransitionRejectedDetails } from './transition-rejected';

import { waitPolicy } from '../policy';
import { violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { SignatureParty } from '../trajectory/perspective-plan';
import type { TrajectoryState } from '../trajectory/trajectory-state';

/** A command on a plan names the version it answers, so that nobody decides on a version they did not see. */
export function planVersionViolations(state: TrajectoryState, planVersion: unknown): RuleViolation[] {
  if (planVersion === state.plan?.version) return [];
  return [violation('planVersion', `the current plan version is ${state.plan?.version ?? 'none'}`)];
}

/** The required signatures of the current plan version that are still missing (R-ROLE-04). */
export function missingSignatures(state: TrajectoryState): SignatureParty[] {
  const plan = state.plan;
  if (plan === undefined) return [];
  return plan.requiredSignatures.filter((party) => !plan.signatures.some((s) => s.party === party));
}

/** The plan is with the local team: signing, returning, approving or rejecting (domain.md §7.4). */
export function isAwaitingApproval(state: TrajectoryState): boolean {
  return state.status === 'AWAITING_APPROVAL';
}

/**
 * The missing signatures that block the local team's approval: all of them (R-ROLE-04), unless the region's
 * policy lets some follow the approval to break the signature deadlock ([001:L287]).
 */
export function missingBeforeApproval(state: TrajectoryState): SignatureParty[] {
  const before = waitPolicy(state.policy).signaturesBeforeApproval;
  const missing = missingSignatures(state);
  return before === 'ALL' ? missing : missing.filter((party) => before.includes(party));
}

import { issueDecision, startProviderClock } from '../decision/decision-issuing';
import { violation } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { recordAudit } from '../trajectory/transition-draft';
import { closeRound } from './approval-rounds';
import { isAwaitingApproval, missingBeforeApproval, planVersionViolations } from './plan-rules';

/** The local team approves the plan version: the care decision and its 301 go out together (R-ROLE-09). */
export interface ApprovePlan extends CommandBase {
  type: 'approvePlan';
  planVersion: number;
}

export const approvePlan: CommandSpec<ApprovePlan> = {
  // R-ROLE-03: the local team approves.
  roles: ['LOCAL_TEAM'],
  isOpen: isAwaitingApproval,
  violations: (state, command) => [
    ...planVersionViolations(state, command.planVersion),
    // R-ROLE-04: every required party has signed before the municipality approves (or those the region's
    // policy requires first, signaturesBeforeApproval).
    ...missingBeforeApproval(state).map((party) =>
      violation(`signatures.${party}`, `${party} has not signed plan v${state.plan?.version} (R-ROLE-04)`),
    ),
  ],
  apply(draft, command) {
    const state = draft.state;
    const plan = state.plan;
    if (plan === undefined) return;
    closeRound(draft, 'APPROVED', command.actor.ref);
    plan.status = 'APPROVED';
    plan.approvedAt = draft.at;
    plan.approvedBy = 'LOCAL_TEAM';
    delete state.approvalClock;
    issueDecision(draft, {
      arrangement: plan.arrangement,
      providerId: plan.leadProviderId,
      cause: 'PLAN_APPROVAL',
      approvedBy: 'LOCAL_TEAM',
      validity: 'NEW',
    });
    startProviderClock(draft);
    state.status = 'DECIDED';
    recordAudit(draft, 'PLAN_APPROVED', command.actor, {
      round: state.rounds.length,
      providerStartDeadline: state.providerStartDeadlineAt ?? null,
    });
  },
};

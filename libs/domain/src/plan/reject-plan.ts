import { closeTrajectory } from '../closure/closing';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { ChangeReasonCode } from '../trajectory/perspective-plan';
import { reasonViolations } from '../trajectory/reason-rules';
import { notify } from '../trajectory/transition-draft';
import { closeRound } from './approval-rounds';
import { isAwaitingApproval, planVersionViolations } from './plan-rules';

/** The local team rejects the plan (→ CLOSED REJECTED); the case system hears of it. */
export interface RejectPlan extends CommandBase {
  type: 'rejectPlan';
  planVersion: number;
  reasonCode: ChangeReasonCode;
  commentRef?: string;
}

export const rejectPlan: CommandSpec<RejectPlan> = {
  // R-ROLE-03: the local team approves; it also returns or rejects.
  roles: ['LOCAL_TEAM'],
  isOpen: isAwaitingApproval,
  violations: (state, command) => [
    ...planVersionViolations(state, command.planVersion),
    ...reasonViolations(command.reasonCode, command.commentRef),
  ],
  apply(draft, command) {
    closeRound(draft, 'REJECTED', command.actor.ref, command.reasonCode, command.commentRef);
    notify(draft, 'PLAN_REJECTED', 'CASE_SYSTEM', { reasonCode: command.reasonCode });
    closeTrajectory(draft, 'REJECTED', command.actor, { details: { reasonCode: command.reasonCode } });
  },
};

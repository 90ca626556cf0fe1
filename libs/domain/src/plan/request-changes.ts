import { raiseEscalation } from '../escalation/escalation-raising';
import { waitPolicy } from '../policy';
import { SYSTEM_ACTOR } from '../shared/actor';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import { deadlineFrom } from '../shared/policy-time';
import { arrangementViolations } from '../trajectory/arrangement-rules';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { ChangeReasonCode } from '../trajectory/perspective-plan';
import { reasonViolations } from '../trajectory/reason-rules';
import { rulesOf } from '../trajectory/rules-version';
import { notify, recordAudit } from '../trajectory/transition-draft';
import { closeRound, roundsSinceLastPlanEscalation } from './approval-rounds';
import { isAwaitingApproval, planVersionViolations } from './plan-rules';

/** The local team returns the plan version to the drafters with a reason ("heen en weer", [001:L165]). */
export interface RequestChanges extends CommandBase {
  type: 'requestChanges';
  planVersion: number;
  reasonCode: ChangeReasonCode;
  commentRef?: string;
  /** The local team's counter-offer, shown to the table as "offered" (decisions.md 3). */
  offeredArrangement?: ArrangementTerms;
}

export const requestChanges: CommandSpec<RequestChanges> = {
  // R-ROLE-03: the local team approves; it also returns or rejects.
  roles: ['LOCAL_TEAM'],
  isOpen: isAwaitingApproval,
  violations(state, command) {
    const out = [
      ...planVersionViolations(state, command.planVersion),
      ...reasonViolations(command.reasonCode, command.commentRef),
    ];
    if (command.offeredArrangement !== undefined) {
      out.push(...arrangementViolations(state, command.offeredArrangement, 'offeredArrangement'));
    }
    return out;
  },
  /**
   * Back to the drafters. At the round-trip limit (domain.md §4.5: 3 submissions) the system escalates
   * ROUND_TRIP_LIMIT in the same transition.
   */
  apply(draft, command) {
    const state = draft.state;
    closeRound(draft, 'CHANGES_REQUESTED', command.actor.ref, command.reasonCode, command.commentRef);
    if (state.plan) state.plan.status = 'CHANGES_REQUESTED';
    if (command.offeredArrangement !== undefined)
      state.offeredArrangement = { ...command.offeredArrangement };
    // The local team answered: its clock on this version stops, and (rules 2) the drafters' starts.
    delete state.approvalClock;
    state.status = 'CHANGES_REQUESTED';
    if (rulesOf(state) === 2) {
      state.resubmissionDeadlineAt = deadlineFrom(
        state.policy,
        draft.now,
        waitPolicy(state.policy).resubmissionDeadline,
      );
    }
    recordAudit(draft, 'CHANGES_REQUESTED', command.actor, {
      round: state.rounds.length,
      reasonCode: command.reasonCode,
      offeredArrangementCode: command.offeredArrangement?.code ?? null,
    });
    notify(draft, 'CHANGES_REQUESTED', 'PROVIDER', { reasonCode: command.reasonCode });
    if (roundsSinceLastPlanEscalation(draft) >= state.policy.roundTripLimit) {
      raiseEscalation(draft, { trigger: 'ROUND_TRIP_LIMIT', context: 'PLAN', actor: SYSTEM_ACTOR });
    }
  },
};

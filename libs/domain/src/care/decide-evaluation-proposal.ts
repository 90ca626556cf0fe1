import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { ChangeReasonCode } from '../trajectory/perspective-plan';
import { reasonViolations } from '../trajectory/reason-rules';
import { violation } from '../shared/rule-helpers';
import { recordAudit } from '../trajectory/transition-draft';
import { recordEvaluationOutcome } from './evaluation-outcome';

/**
 * The local team decides on a provider's proposed evaluation (rules 2, decisions.md 5): CONFIRM records it
 * with its outcome (completion and its final payment, dropout, scaling) and the local team's participation;
 * REJECT records the evaluation without its outcome (CONTINUE: care goes on, the next evaluation is planned).
 */
export interface DecideEvaluationProposal extends CommandBase {
  type: 'decideEvaluationProposal';
  decision: 'CONFIRM' | 'REJECT';
  /** Required for REJECT. */
  reasonCode?: ChangeReasonCode;
  commentRef?: string;
}

export const decideEvaluationProposal: CommandSpec<DecideEvaluationProposal> = {
  roles: ['LOCAL_TEAM'],
  isOpen: (state) => state.status === 'ACTIVE' && state.evaluationProposal !== undefined,
  violations(_state, command) {
    if (command.decision === 'CONFIRM') return [];
    if (command.decision !== 'REJECT') return [violation('decision', 'CONFIRM or REJECT')];
    // decisions.md 5: the local team answers the provider, so a rejection says why.
    return reasonViolations(command.reasonCode, command.commentRef).map((v) => ({
      ...v,
      message: `rejecting a proposed outcome needs a reason (decisions.md 5): ${v.message}`,
    }));
  },
  apply(draft, command) {
    const proposal = draft.state.evaluationProposal!;
    delete draft.state.evaluationProposal;
    const confirmed = command.decision === 'CONFIRM';
    recordAudit(draft, confirmed ? 'EVALUATION_CONFIRMED' : 'EVALUATION_PROPOSAL_REJECTED', command.actor, {
      proposedOutcome: proposal.input.outcome,
      proposedByRef: proposal.proposedByRef,
      reasonCode: command.reasonCode ?? null,
    });
    const input = confirmed ? proposal.input : { ...proposal.input, outcome: 'CONTINUE' as const };
    // The provider held the evaluation (its record names it); the local team's decision acts on it.
    recordEvaluationOutcome(
      draft,
      input,
      command.actor,
      confirmed
        ? {
            localTeamParticipated: true,
            recordedByRef: proposal.proposedByRef,
            confirmedByRef: command.actor.ref,
          }
        : { localTeamParticipated: false, recordedByRef: proposal.proposedByRef },
    );
  },
};

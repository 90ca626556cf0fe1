import { isLocalTeamRequired } from '../policy';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { EvaluationInput } from '../trajectory/evaluation';
import { rulesOf } from '../trajectory/rules-version';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { recordEvaluationOutcome } from './evaluation-outcome';
import { evaluationViolations } from './evaluation-rules';

/** A periodic (or asked-for) evaluation with the resident and its outcome (domain.md §2.2 step 9). */
export interface RecordEvaluation extends CommandBase {
  type: 'recordEvaluation';
  evaluation: EvaluationInput;
}

/**
 * Rules 2 (issue 14, nobody signs off their own money): a provider's evaluation whose outcome needs the local
 * team (decisions.md 5: the final one, and `localTeamRequiredForOutcomes`) is a proposal until it decides.
 */
function isProposal(state: TrajectoryState, command: RecordEvaluation): boolean {
  if (rulesOf(state) === 1 || command.actor.role === 'LOCAL_TEAM') return false;
  const outcome = command.evaluation.outcome;
  return isLocalTeamRequired(state.policy, { finalEvaluation: outcome === 'COMPLETE', outcome });
}

function applyEvaluation(draft: TransitionDraft, command: RecordEvaluation): void {
  const state = draft.state;
  const input = command.evaluation;
  if (isProposal(state, command)) {
    state.evaluationProposal = {
      input: { ...input, resultAssessments: input.resultAssessments.map((a) => ({ ...a })) },
      proposedByRef: command.actor.ref,
      proposedAt: draft.at,
    };
    recordAudit(draft, 'EVALUATION_PROPOSED', command.actor, {
      outcome: input.outcome,
      clientSatisfaction: input.clientSatisfaction,
    });
    notify(draft, 'EVALUATION_PROPOSED', 'LOCAL_TEAM', { outcome: input.outcome });
    return;
  }
  recordEvaluationOutcome(draft, input, command.actor, {
    // Rules 2: the local team took part when a local team actor recorded it; rules 1: the caller said so.
    localTeamParticipated:
      rulesOf(state) === 2 ? command.actor.role === 'LOCAL_TEAM' : input.localTeamParticipated === true,
  });
}

export const recordEvaluation: CommandSpec<RecordEvaluation> = {
  roles: ['LOCAL_TEAM', 'PROVIDER'],
  // A proposal waiting for the local team is decided first (decide-evaluation-proposal.ts).
  isOpen: (state) => state.status === 'ACTIVE' && state.evaluationProposal === undefined,
  violations: (state, command) => evaluationViolations(state, command.evaluation, 'evaluation', false),
  apply: applyEvaluation,
};

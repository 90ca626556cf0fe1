import { violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { EvaluationInput } from '../trajectory/evaluation';
import { recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import { rulesOf } from '../trajectory/rules-version';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';
import { completeTrajectory, evaluationRecord } from './evaluation-record';
import { evaluationViolations } from './evaluation-rules';

/** The local team confirms completion per plan with the final evaluation (→ final payment, CLOSED). */
export interface ConfirmCompletion extends CommandBase {
  type: 'confirmCompletion';
  finalEvaluation: EvaluationInput;
}

function completionViolations(state: TrajectoryState, command: ConfirmCompletion): RuleViolation[] {
  const out = evaluationViolations(state, command.finalEvaluation, 'finalEvaluation', true);
  if (command.finalEvaluation?.outcome !== undefined && command.finalEvaluation.outcome !== 'COMPLETE') {
    out.push(violation('finalEvaluation.outcome', 'completion per plan records outcome COMPLETE'));
  }
  return out;
}

/** The local team confirms completion per plan with the final evaluation (K-O1..3). */
function complete(draft: TransitionDraft, command: ConfirmCompletion): void {
  // Rules 2: the local team confirms it, so it took part; rules 1: the caller said so.
  const localTeamParticipated =
    rulesOf(draft.state) === 2 || command.finalEvaluation.localTeamParticipated === true;
  const record = evaluationRecord(draft, command.finalEvaluation, command.actor, 'FINAL', {
    localTeamParticipated,
  });
  recordAudit(draft, 'EVALUATION_RECORDED', command.actor, {
    evaluationNumber: record.number,
    type: 'FINAL',
    outcome: record.outcome,
    localTeamParticipated: record.localTeamParticipated,
    clientSatisfaction: record.clientSatisfaction,
  });
  completeTrajectory(draft, command.actor, record);
}

export const confirmCompletion: CommandSpec<ConfirmCompletion> = {
  roles: ['LOCAL_TEAM'],
  isOpen: (state) => isInCare(state.status),
  violations: completionViolations,
  apply: complete,
};

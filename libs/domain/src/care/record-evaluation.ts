import { closeTrajectory } from '../closure/closing';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { EvaluationInput, EvaluationType } from '../trajectory/evaluation';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import { scheduleEvaluation } from './care-scheduling';
import { completeTrajectory, evaluationRecord } from './evaluation-record';
import { evaluationViolations } from './evaluation-rules';
import { enterReassessment } from './reassessment';

/** A periodic (or asked-for) evaluation with the resident and its outcome (domain.md §2.2 step 9). */
export interface RecordEvaluation extends CommandBase {
  type: 'recordEvaluation';
  evaluation: EvaluationInput;
}

/**
 * An evaluation with the resident (domain.md §2.2 step 9). By outcome: CONTINUE schedules the next one;
 * SCALE_* asks for an arrangement change (scalingPending); COMPLETE completes; TERMINATE closes as early
 * dropout (the final tranche is cancelled, R-END-01); REASSESS moves to REASSESSMENT.
 */
function applyEvaluation(draft: TransitionDraft, command: RecordEvaluation): void {
  const state = draft.state;
  const input = command.evaluation;
  const type: EvaluationType =
    input.outcome === 'COMPLETE' ? 'FINAL' : state.care.evaluationDue ? 'PERIODIC' : 'INTERIM_REQUESTED';
  const record = evaluationRecord(draft, input, command.actor, type);
  recordAudit(draft, 'EVALUATION_RECORDED', command.actor, {
    evaluationNumber: record.number,
    type,
    outcome: input.outcome,
    localTeamParticipated: input.localTeamParticipated,
    clientSatisfaction: input.clientSatisfaction,
    achieved: input.resultAssessments.filter((a) => a.attainment === 'ACHIEVED').length,
    partial: input.resultAssessments.filter((a) => a.attainment === 'PARTIAL').length,
  });
  switch (input.outcome) {
    case 'CONTINUE':
      scheduleEvaluation(draft, draft.at, false);
      return;
    case 'SCALE_UP':
    case 'SCALE_DOWN':
      scheduleEvaluation(draft, draft.at, false);
      state.scalingAsked = {
        direction: input.outcome === 'SCALE_UP' ? 'UP' : 'DOWN',
        since: draft.at,
        evaluationNumber: record.number,
      };
      notify(draft, 'ARRANGEMENT_CHANGE_REQUESTED', state.domain === 'WMO' ? 'LOCAL_TEAM' : 'PROVIDER', {
        direction: state.scalingAsked.direction,
      });
      return;
    case 'COMPLETE':
      completeTrajectory(draft, command.actor, record);
      return;
    case 'TERMINATE':
      closeTrajectory(draft, 'EARLY_DROPOUT', command.actor, {
        details: { evaluationNumber: record.number },
      });
      return;
    case 'REASSESS':
      enterReassessment(draft, 'EVALUATION');
      return;
  }
}

export const recordEvaluation: CommandSpec<RecordEvaluation> = {
  roles: ['LOCAL_TEAM', 'PROVIDER'],
  isOpen: (state) => state.status === 'ACTIVE',
  violations: (state, command) => evaluationViolations(state, command.evaluation, 'evaluation', false),
  apply: applyEvaluation,
};

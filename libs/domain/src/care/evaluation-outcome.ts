import { closeTrajectory } from '../closure/closing';
import type { Actor } from '../shared/actor';
import type { EvaluationInput, EvaluationRecord, EvaluationType } from '../trajectory/evaluation';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import { scheduleEvaluation } from './care-scheduling';
import { completeTrajectory, evaluationRecord } from './evaluation-record';
import { enterReassessment } from './reassessment';

/** Who took part, as the trajectory knows it, and who confirmed a provider's proposal. */
export interface EvaluationFacts {
  localTeamParticipated: boolean;
  /** Who held and recorded it, when not the actor (a provider's confirmed proposal). */
  recordedByRef?: string;
  confirmedByRef?: string;
}

/**
 * Records an evaluation with the resident (domain.md §2.2 step 9) and acts on its outcome: CONTINUE schedules
 * the next one; SCALE_* asks for an arrangement change (scalingPending); COMPLETE completes; TERMINATE closes
 * as early dropout (the final tranche is cancelled, R-END-01); REASSESS moves to REASSESSMENT.
 */
export function recordEvaluationOutcome(
  draft: TransitionDraft,
  input: EvaluationInput,
  actor: Actor,
  facts: EvaluationFacts,
): EvaluationRecord {
  const state = draft.state;
  const type: EvaluationType =
    input.outcome === 'COMPLETE' ? 'FINAL' : state.care.evaluationDue ? 'PERIODIC' : 'INTERIM_REQUESTED';
  const record = evaluationRecord(draft, input, actor, type, facts);
  recordAudit(draft, 'EVALUATION_RECORDED', actor, {
    evaluationNumber: record.number,
    type,
    outcome: input.outcome,
    localTeamParticipated: record.localTeamParticipated,
    clientSatisfaction: input.clientSatisfaction,
    achieved: input.resultAssessments.filter((a) => a.attainment === 'ACHIEVED').length,
    partial: input.resultAssessments.filter((a) => a.attainment === 'PARTIAL').length,
    ...(facts.confirmedByRef !== undefined ? { confirmedByRef: facts.confirmedByRef } : {}),
  });
  switch (input.outcome) {
    case 'CONTINUE':
      scheduleEvaluation(draft, draft.at, false);
      break;
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
      break;
    case 'COMPLETE':
      completeTrajectory(draft, actor, record);
      break;
    case 'TERMINATE':
      closeTrajectory(draft, 'EARLY_DROPOUT', actor, { details: { evaluationNumber: record.number } });
      break;
    case 'REASSESS':
      enterReassessment(draft, 'EVALUATION');
      break;
  }
  return record;
}

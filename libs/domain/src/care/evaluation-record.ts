import { closeTrajectory } from '../closure/closing';
import type { Actor } from '../shared/actor';
import type { EvaluationInput, EvaluationRecord, EvaluationType } from '../trajectory/evaluation';
import { recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** The evaluation as the trajectory keeps it: numbered, typed, against the current plan version. */
export function evaluationRecord(
  draft: TransitionDraft,
  input: EvaluationInput,
  actor: Actor,
  type: EvaluationType,
  facts: { localTeamParticipated: boolean; recordedByRef?: string; confirmedByRef?: string },
) {
  const state = draft.state;
  const record: EvaluationRecord = {
    resultAssessments: input.resultAssessments.map((a) => ({ ...a })),
    clientSatisfaction: input.clientSatisfaction,
    localTeamParticipated: facts.localTeamParticipated,
    outcome: input.outcome,
    ...(input.notesRef !== undefined ? { notesRef: input.notesRef } : {}),
    number: state.evaluations.length + 1,
    type,
    heldAt: draft.at,
    ...(state.care.evaluationDue && state.care.nextEvaluationAt
      ? { dueAt: state.care.nextEvaluationAt }
      : {}),
    planVersion: state.plan?.version ?? 0,
    recordedByRef: facts.recordedByRef ?? actor.ref,
    ...(facts.confirmedByRef !== undefined ? { confirmedByRef: facts.confirmedByRef } : {}),
  };
  state.evaluations.push(record);
  return record;
}

/** COMPLETE: COMPLETING, then the final tranche by the payment rules and CLOSED (domain.md §7.4). */
export function completeTrajectory(draft: TransitionDraft, actor: Actor, evaluation: EvaluationRecord): void {
  draft.state.status = 'COMPLETING';
  recordAudit(draft, 'COMPLETION_CONFIRMED', actor, { evaluationNumber: evaluation.number });
  closeTrajectory(draft, 'COMPLETED_PER_PLAN', actor);
}

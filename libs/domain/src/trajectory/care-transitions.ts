import type { Actor } from './actor';
import { currentDecision } from './care-decision';
import {
  scheduleEvaluation,
  scheduleReassessment,
  startPeriodSchedule,
  suspendEvaluations,
} from './care-scheduling';
import { closeTrajectory } from './closing';
import { openEscalation } from './escalation';
import type { EvaluationInput, EvaluationRecord, EvaluationType } from './evaluation';
import { decisionTerms, recordPaymentEvent } from './payment-issuing';
import type { CommandOf } from './trajectory-command';
import { notify, recordAudit } from './transition-draft';
import type { TransitionDraft } from './transition-draft';

/**
 * The provider starts care (domain.md §2.2 step 7): start tranches from the payment rules (the initial
 * share, or period 1), the first evaluation (§7.5), the yearly reassessment for high complexity
 * (R-TIME-02), and the period schedule for period prices. A START escalation is withdrawn.
 */
export function confirmStart(draft: TransitionDraft, command: CommandOf<'confirmStart'>): void {
  const state = draft.state;
  const decision = currentDecision(state);
  if (decision === undefined) return;
  const startedAt = command.startedAt !== undefined ? new Date(command.startedAt).toISOString() : draft.at;
  const escalation = openEscalation(state);
  if (escalation !== undefined && escalation.context === 'START' && escalation.status === 'OPEN') {
    escalation.status = 'WITHDRAWN';
    escalation.endedAt = draft.at;
    draft.effects.push({
      kind: 'WITHDRAW_BREAKTHROUGH',
      trajectoryId: state.trajectoryId,
      escalationId: escalation.id,
      reason: 'PROVIDER_STARTED',
    });
  }
  state.startedAt = startedAt;
  state.status = 'ACTIVE';
  delete state.providerStartDeadlineAt;
  scheduleEvaluation(draft, startedAt, true);
  scheduleReassessment(draft, startedAt);
  recordAudit(draft, 'CARE_STARTED', command.actor, {
    startedAt,
    nextEvaluationAt: state.care.nextEvaluationAt ?? null,
    reassessmentAt: state.care.reassessmentAt ?? null,
  });
  recordPaymentEvent(draft, { type: 'START_CONFIRMED', decision: decisionTerms(decision) });
  startPeriodSchedule(draft, startedAt);
}

function evaluationRecord(
  draft: TransitionDraft,
  input: EvaluationInput,
  actor: Actor,
  type: EvaluationType,
) {
  const state = draft.state;
  const record: EvaluationRecord = {
    resultAssessments: input.resultAssessments.map((a) => ({ ...a })),
    clientSatisfaction: input.clientSatisfaction,
    localTeamParticipated: input.localTeamParticipated,
    outcome: input.outcome,
    ...(input.notesRef !== undefined ? { notesRef: input.notesRef } : {}),
    number: state.evaluations.length + 1,
    type,
    heldAt: draft.at,
    ...(state.care.evaluationDue && state.care.nextEvaluationAt
      ? { dueAt: state.care.nextEvaluationAt }
      : {}),
    planVersion: state.plan?.version ?? 0,
    recordedByRef: actor.ref,
  };
  state.evaluations.push(record);
  return record;
}

/** COMPLETE: COMPLETING, then the final tranche by the payment rules and CLOSED (domain.md §7.4). */
function completeTrajectory(draft: TransitionDraft, actor: Actor, evaluation: EvaluationRecord): void {
  draft.state.status = 'COMPLETING';
  recordAudit(draft, 'COMPLETION_CONFIRMED', actor, { evaluationNumber: evaluation.number });
  closeTrajectory(draft, 'COMPLETED_PER_PLAN', actor);
}

/**
 * An evaluation with the resident (domain.md §2.2 step 9). By outcome: CONTINUE schedules the next one;
 * SCALE_* asks for an arrangement change (scalingPending); COMPLETE completes; TERMINATE closes as early
 * dropout (the final tranche is cancelled, R-END-01); REASSESS moves to REASSESSMENT.
 */
export function recordEvaluation(draft: TransitionDraft, command: CommandOf<'recordEvaluation'>): void {
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

/** The local team confirms completion per plan with the final evaluation (K-O1..3). */
export function confirmCompletion(draft: TransitionDraft, command: CommandOf<'confirmCompletion'>): void {
  const record = evaluationRecord(draft, command.finalEvaluation, command.actor, 'FINAL');
  recordAudit(draft, 'EVALUATION_RECORDED', command.actor, {
    evaluationNumber: record.number,
    type: 'FINAL',
    outcome: record.outcome,
    localTeamParticipated: record.localTeamParticipated,
    clientSatisfaction: record.clientSatisfaction,
  });
  completeTrajectory(draft, command.actor, record);
}

/** REASSESSMENT (herindicatie, domain.md §7.3): evaluations pause until the indication is renewed. */
export function enterReassessment(
  draft: TransitionDraft,
  reason: 'YEARLY' | 'DECISION_VALIDITY_ENDED' | 'EVALUATION',
): void {
  const state = draft.state;
  state.status = 'REASSESSMENT';
  state.reassessment = { reason, since: draft.at };
  suspendEvaluations(state);
  delete state.care.reassessmentAt;
  notify(draft, 'REASSESSMENT_DUE', 'LOCAL_TEAM', { reason });
}

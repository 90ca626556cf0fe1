import type { ClosureReason } from '../payments';
import type { Actor } from '../shared/actor';
import { suspendEvaluations } from '../trajectory/care-schedule';
import { openEscalation } from '../trajectory/escalation';
import { outcomeIndicators } from '../trajectory/outcome-indicators';
import { recordPaymentEvent } from '../finance/payment-issuing';
import type { AuditDetails } from '../trajectory/trajectory-effect';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryStart } from '../trajectory/trajectory-start';

export interface CloseOptions {
  /** RESTARTED_FOR_NEW_NEED: the local team confirmed the old plan was completed (domain.md §7.8). */
  localTeamConfirmedOldPlanCompleted?: boolean;
  successor?: { trajectoryId: string; caseReference: string; leadProviderId?: string; requestType?: string };
  details?: AuditDetails;
}

/** Ends any open table case: a closed trajectory has nothing left to decide. */
function withdrawOpenEscalation(draft: TransitionDraft): void {
  const escalation = openEscalation(draft.state);
  if (escalation === undefined) return;
  escalation.status = 'WITHDRAWN';
  escalation.endedAt = draft.at;
  draft.effects.push({
    kind: 'WITHDRAW_BREAKTHROUGH',
    trajectoryId: draft.state.trajectoryId,
    escalationId: escalation.id,
    reason: 'TRAJECTORY_CLOSED',
  });
}

function successorStart(
  draft: TransitionDraft,
  actor: Actor,
  successor: NonNullable<CloseOptions['successor']>,
) {
  const state = draft.state;
  const start: TrajectoryStart = {
    trajectoryId: successor.trajectoryId,
    municipalityCode: state.municipalityCode,
    caseReference: successor.caseReference,
    clientId: state.clientId,
    domain: state.domain,
    segment: state.segment,
    complexity: state.complexity,
    requestType: successor.requestType ?? state.requestType,
    intensive: state.intensive,
    policy: state.policy,
    ...(state.evaluationIntervalOverride !== undefined
      ? { evaluationIntervalOverride: state.evaluationIntervalOverride }
      : {}),
    predecessorTrajectoryId: state.trajectoryId,
    ...(successor.leadProviderId !== undefined ? { leadProviderId: successor.leadProviderId } : {}),
    requestedBy: { role: actor.role, ref: actor.ref },
  };
  return start;
}

/**
 * Closes the trajectory (afsluiting, domain.md §7.2 Closure): withdraws an open table case, drops a
 * pending change, settles the final tranche with the payment rules (paid, cancelled or withheld), records
 * the outcome indicators K-O1..3 and, for a restart or switch, starts the successor linked both ways.
 */
export function closeTrajectory(
  draft: TransitionDraft,
  reason: ClosureReason,
  actor: Actor,
  options: CloseOptions = {},
): void {
  const state = draft.state;
  withdrawOpenEscalation(draft);
  const droppedChangeId = state.pendingChange?.id;
  delete state.pendingChange;
  delete state.scalingAsked;

  const outcome = outcomeIndicators(
    reason === 'EARLY_DROPOUT',
    (state.plan?.results ?? []).map((r) => r.id),
    state.evaluations[state.evaluations.length - 1],
  );
  if (state.startedAt !== undefined) {
    recordPaymentEvent(draft, {
      type: 'CLOSED',
      closure: {
        closureReason: reason,
        ...(options.localTeamConfirmedOldPlanCompleted !== undefined
          ? { localTeamConfirmedOldPlanCompleted: options.localTeamConfirmedOldPlanCompleted }
          : {}),
        ...(outcome.goalAttainment !== null ? { resultsAchieved: outcome.goalAttainment === 1 } : {}),
      },
    });
  }

  state.status = 'CLOSED';
  state.closure = { reason, closedAt: draft.at, outcome };
  delete state.approvalClock;
  delete state.providerStartDeadlineAt;
  delete state.resubmissionDeadlineAt;
  delete state.reassessment;
  delete state.periodSchedule;
  delete state.care.reassessmentAt;
  suspendEvaluations(state);
  if (options.successor !== undefined) state.successorTrajectoryId = options.successor.trajectoryId;

  recordAudit(draft, 'TRAJECTORY_CLOSED', actor, {
    reason,
    dropout: outcome.dropout,
    goalAttainment: outcome.goalAttainment,
    clientSatisfaction: outcome.clientSatisfaction,
    ...(droppedChangeId !== undefined ? { droppedChangeId } : {}),
    ...(options.successor !== undefined ? { successorTrajectoryId: options.successor.trajectoryId } : {}),
    ...(options.details ?? {}),
  });
  if (options.successor !== undefined) {
    draft.effects.push({ kind: 'START_SUCCESSOR', start: successorStart(draft, actor, options.successor) });
  }
  draft.effects.push({
    kind: 'CLOSED',
    trajectoryId: state.trajectoryId,
    reason,
    closedAt: draft.at,
    outcome,
    ...(options.successor !== undefined ? { successorTrajectoryId: options.successor.trajectoryId } : {}),
  });
  notify(draft, 'TRAJECTORY_CLOSED', 'CASE_SYSTEM', { reason });
}

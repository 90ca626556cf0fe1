import type {
  AuditRecord,
  BookkeepingInput,
  EscalationRow,
  NotificationRow,
  TrajectoryRow,
} from '@app/contracts';
import { nextStatutoryDeadline } from '@app/domain';
import type { TrajectoryEffect, TrajectoryState, TrajectoryView } from '@app/domain';

/**
 * Turns the audit and notify effects of one or more transitions, and the state they led to, into one write
 * of the bookkeeping activity. Pure, so replays produce the same input (and the write is idempotent).
 */
export function bookkeepingFor(
  state: TrajectoryState,
  view: TrajectoryView,
  effects: readonly TrajectoryEffect[],
): BookkeepingInput {
  const audit: AuditRecord[] = [];
  const notifications: NotificationRow[] = [];
  let seq = 0;
  for (const effect of effects) {
    if (effect.kind === 'AUDIT') {
      seq = effect.seq;
      audit.push({
        trajectoryId: effect.trajectoryId,
        seq: effect.seq,
        type: effect.type,
        actorRole: effect.actor.role,
        actorRef: effect.actor.ref,
        at: effect.at,
        planVersion: effect.planVersion,
        decisionVersion: effect.decisionVersion,
        details: effect.details,
      });
    } else if (effect.kind === 'NOTIFY') {
      notifications.push({
        // The audit seq of the transition that raised it, so the id is the same on every replay.
        id: `${effect.trajectoryId}:${seq}:${effect.topic}:${effect.audience}`,
        trajectoryId: effect.trajectoryId,
        topic: effect.topic,
        audience: effect.audience,
        ids: effect.ids,
        createdAt: state.updatedAt,
      });
    }
  }
  return {
    audit,
    row: trajectoryRow(state, view),
    escalations: escalationRows(state),
    notifications,
    state,
  };
}

function trajectoryRow(state: TrajectoryState, view: TrajectoryView): TrajectoryRow {
  const decision = state.decisions[state.decisions.length - 1];
  const arrangement = decision?.arrangement ?? state.plan?.arrangement;
  const clockRunning = state.approvalClock && !state.approvalClock.pausedAt;
  const statutory = nextStatutoryDeadline(state);
  return {
    trajectoryId: state.trajectoryId,
    seq: state.auditSeq,
    municipalityCode: state.municipalityCode,
    caseReference: state.caseReference,
    clientId: state.clientId,
    status: state.status,
    domain: state.domain,
    segment: state.segment,
    complexity: state.complexity,
    providerId: view.leadProviderId ?? null,
    escalated: view.subFlags.escalated,
    evaluationOverdue: view.subFlags.evaluationOverdue,
    evaluationDue: view.subFlags.evaluationDue,
    approvalDeadline: clockRunning ? (state.approvalClock?.deadlineAt ?? null) : null,
    nextEvaluationAt: state.care.nextEvaluationAt ?? null,
    providerStartDeadline: state.status === 'DECIDED' ? (state.providerStartDeadlineAt ?? null) : null,
    arrangementCode: arrangement?.code ?? null,
    roundCount: view.rounds,
    openEscalationId: view.openEscalation?.id ?? null,
    statutoryDeadline: statutory?.deadlineAt ?? null,
    statutoryClock: statutory?.kind ?? null,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    closedAt: state.closure?.closedAt ?? null,
    closureReason: state.closure?.reason ?? null,
    summary: {
      planVersion: view.planVersion ?? null,
      decisionVersion: view.decisionVersion ?? null,
      requestType: state.requestType,
      blocking: view.blocking,
      missingSignatures: view.missingSignatures,
      pendingChange: view.pendingChange ?? null,
      firstSubmittedAt: state.firstSubmittedAt ?? null,
      decidedAt: state.decisions[0]?.decisionDate ?? null,
      startedAt: state.startedAt ?? null,
      tariffCents: arrangement?.tariffCents ?? null,
      predecessorTrajectoryId: state.predecessorTrajectoryId ?? null,
      successorTrajectoryId: state.successorTrajectoryId ?? null,
      outcome: state.closure?.outcome ?? null,
      // The plan's results by id and life domain (no text: that is a reference in the case system), so the
      // family's questions can be answered after the workflow is gone from Temporal (issue 18).
      results: (state.plan?.results ?? []).map((r) => ({
        id: r.id,
        lifeDomain: r.lifeDomain ?? null,
        resultAreaCode: r.resultAreaCode ?? null,
        targetDate: r.targetDate ?? null,
      })),
    },
  };
}

function escalationRows(state: TrajectoryState): EscalationRow[] {
  return state.escalations.map((e) => {
    const last = e.decisions[e.decisions.length - 1];
    return {
      escalationId: e.id,
      trajectoryId: state.trajectoryId,
      seq: state.auditSeq,
      municipalityCode: state.municipalityCode,
      providerId: state.leadProviderId ?? state.plan?.leadProviderId ?? null,
      trigger: e.trigger,
      context: e.context,
      status: e.status,
      raisedByRole: e.raisedBy.role,
      raisedAt: e.raisedAt,
      deadlineAt: e.deadlineAt,
      reminderAt: e.reminderAt,
      roundCount: e.roundCount,
      planVersion: e.planVersion ?? null,
      askedArrangement: e.askedArrangement?.code ?? null,
      offeredArrangement: e.offeredArrangement?.code ?? null,
      decisionCode: last?.code ?? null,
      decidedBy: last?.chairRef ?? null,
      decidedAt: last?.decidedAt ?? null,
      rationaleRef: last?.rationaleRef ?? null,
    };
  });
}

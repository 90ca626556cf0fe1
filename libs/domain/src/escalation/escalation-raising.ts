import { breakthroughDeadlines, breakthroughTimingOf } from '../breakthrough/breakthrough-timing';
import type { EscalationContext, EscalationTrigger } from '../breakthrough/escalation-trigger';
import type { Actor } from '../shared/actor';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import { currentDecision } from '../trajectory/care-decision';
import type { Escalation } from '../trajectory/escalation';
import { waitingTime } from '../shared/policy-time';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';

export interface RaiseEscalationInput {
  trigger: EscalationTrigger;
  context: EscalationContext;
  actor: Actor;
  commentRef?: string;
  offeredArrangement?: ArrangementTerms;
}

/** What is asked, what is offered, since when the case waits and how many rounds it took (§4.6). */
function caseFacts(draft: TransitionDraft, input: RaiseEscalationInput) {
  const state = draft.state;
  const decision = currentDecision(state);
  switch (input.context) {
    case 'PLAN':
      return {
        waitingSince: state.firstSubmittedAt ?? draft.at,
        roundCount: state.rounds.length,
        asked: state.plan?.arrangement,
        offered: input.offeredArrangement ?? state.offeredArrangement,
      };
    case 'START':
      return {
        waitingSince: decision?.decisionDate ?? draft.at,
        roundCount: state.rounds.length,
        asked: state.plan?.arrangement,
        offered: input.offeredArrangement ?? decision?.arrangement,
      };
    case 'SCALING':
      return {
        waitingSince: state.pendingChange?.requestedAt ?? draft.at,
        roundCount: state.pendingChange?.round ?? 0,
        asked: state.pendingChange?.to,
        offered: input.offeredArrangement ?? decision?.arrangement,
      };
  }
}

/**
 * Sends the case to the breakthrough table (doorbraaktafel, domain.md §4): records the escalation with
 * the facts of §4.6, moves the trajectory (PLAN and START → ESCALATED, pausing the approval clock; a
 * SCALING escalation keeps care ACTIVE and marks the change) and starts the table's case with its docket.
 */
export function raiseEscalation(draft: TransitionDraft, input: RaiseEscalationInput): Escalation {
  const state = draft.state;
  const number = state.escalations.length + 1;
  const timing = breakthroughTimingOf(state.policy);
  const { deadlineAt, reminderAt } = breakthroughDeadlines(timing, draft.now);
  const facts = caseFacts(draft, input);
  const decision = currentDecision(state);
  const escalation: Escalation = {
    id: `${state.trajectoryId}-esc-${number}`,
    number,
    trigger: input.trigger,
    context: input.context,
    raisedBy: { role: input.actor.role, ref: input.actor.ref },
    raisedAt: draft.at,
    deadlineAt,
    reminderAt,
    status: 'OPEN',
    fromStatus: state.status,
    ...(state.plan ? { planVersion: state.plan.version } : {}),
    ...(decision ? { decisionVersion: decision.version } : {}),
    ...(input.context === 'SCALING' && state.pendingChange ? { changeId: state.pendingChange.id } : {}),
    roundCount: facts.roundCount,
    ...(facts.asked ? { askedArrangement: facts.asked } : {}),
    ...(facts.offered ? { offeredArrangement: facts.offered } : {}),
    decisions: [],
  };
  state.escalations.push(escalation);

  if (input.context === 'SCALING' && state.pendingChange) {
    state.pendingChange.status = 'ESCALATED';
    delete state.pendingChange.deadlineAt;
  } else {
    state.status = 'ESCALATED';
    if (input.context === 'START') delete state.providerStartDeadlineAt;
    if (
      state.approvalClock &&
      state.approvalClock.pausedAt === undefined &&
      escalation.fromStatus === 'AWAITING_APPROVAL'
    ) {
      // domain.md §7.3: ESCALATED pauses the approval timer.
      state.approvalClock.pausedAt = draft.at;
    }
    delete state.resubmissionDeadlineAt;
    const round = state.rounds[state.rounds.length - 1];
    if (input.context === 'PLAN' && round !== undefined && round.decision === undefined) {
      round.decision = 'ESCALATED';
      round.decidedAt = draft.at;
      round.decidedByRef = input.actor.ref;
    }
  }

  recordAudit(draft, 'ESCALATED', input.actor, {
    escalationId: escalation.id,
    trigger: escalation.trigger,
    context: escalation.context,
    fromStatus: escalation.fromStatus,
    roundCount: escalation.roundCount,
    deadlineAt,
  });
  const waited = waitingTime(state.policy, facts.waitingSince, draft.now);
  draft.effects.push({
    kind: 'START_BREAKTHROUGH',
    docket: {
      escalationId: escalation.id,
      trajectoryId: state.trajectoryId,
      municipalityCode: state.municipalityCode,
      clientId: state.clientId,
      domain: state.domain,
      segment: state.segment,
      complexity: state.complexity,
      trigger: escalation.trigger,
      context: escalation.context,
      raisedBy: escalation.raisedBy,
      raisedAt: escalation.raisedAt,
      deadlineAt,
      reminderAt,
      timing,
      fromStatus: escalation.fromStatus,
      ...(escalation.planVersion !== undefined ? { planVersion: escalation.planVersion } : {}),
      ...(escalation.decisionVersion !== undefined ? { decisionVersion: escalation.decisionVersion } : {}),
      roundCount: escalation.roundCount,
      waitingSince: facts.waitingSince,
      workingDaysWaiting: waited.workingDays,
      calendarDaysWaiting: waited.calendarDays,
      ...(state.leadProviderId !== undefined ? { leadProviderId: state.leadProviderId } : {}),
      ...(facts.asked ? { askedArrangement: facts.asked } : {}),
      ...(facts.offered ? { offeredArrangement: facts.offered } : {}),
      ...(input.commentRef !== undefined ? { commentRef: input.commentRef } : {}),
    },
  });
  notify(draft, 'ESCALATED', 'BREAKTHROUGH_TABLE', {
    escalationId: escalation.id,
    trigger: escalation.trigger,
  });
  return escalation;
}

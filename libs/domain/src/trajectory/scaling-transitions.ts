import type { Actor } from './actor';
import { SYSTEM_ACTOR } from './actor';
import { directionOf } from './arrangement-change';
import type { ArrangementTerms } from './arrangement-terms';
import type { CareDecision, DecisionCause } from './care-decision';
import { currentDecision } from './care-decision';
import { scheduleEvaluation, scheduleReassessment } from './care-scheduling';
import { issueDecision } from './decision-issuing';
import { raiseEscalation } from './escalation-raising';
import { decisionTerms, recordPaymentEvent } from './payment-issuing';
import { deadlineFrom } from './policy-time';
import type { CommandOf } from './trajectory-command';
import { notify, recordAudit } from './transition-draft';
import type { TransitionDraft } from './transition-draft';

export interface NewArrangementInput {
  arrangement: ArrangementTerms;
  cause: DecisionCause;
  approvedBy: 'LOCAL_TEAM' | 'BREAKTHROUGH_TABLE';
  providerId?: string;
  intensityCode?: string;
  profileCode?: string;
}

/**
 * A new decision version on another (or the same) arrangement during care, with the money treatment of
 * domain.md §7.8 from the payment rules (ADJUSTMENT now, or the new rate from the next period). In
 * REASSESSMENT it is the renewal (herindicatie): a fresh validity, the next yearly reassessment
 * (R-TIME-02) and the evaluations resume; the trajectory returns to ACTIVE.
 */
export function applyNewArrangement(draft: TransitionDraft, input: NewArrangementInput): CareDecision {
  const state = draft.state;
  const previous = currentDecision(state);
  const renewal = state.status === 'REASSESSMENT';
  // A renewal after the old decision ran out continues it without a gap: care went on meanwhile.
  const validFrom =
    renewal && previous !== undefined && previous.validTo <= draft.at ? previous.validTo : draft.at;
  const decision = issueDecision(draft, {
    arrangement: input.arrangement,
    providerId: input.providerId ?? previous?.providerId ?? state.leadProviderId ?? '',
    cause: input.cause,
    approvedBy: input.approvedBy,
    validFrom,
    validity: renewal || previous === undefined ? 'NEW' : 'KEEP',
    ...(input.intensityCode !== undefined ? { intensityCode: input.intensityCode } : {}),
    ...(input.profileCode !== undefined ? { profileCode: input.profileCode } : {}),
  });
  if (state.startedAt !== undefined) {
    recordPaymentEvent(draft, { type: 'ARRANGEMENT_CHANGED', decision: decisionTerms(decision) });
  }
  if (renewal) {
    state.status = 'ACTIVE';
    delete state.reassessment;
    scheduleReassessment(draft, validFrom);
    scheduleEvaluation(draft, draft.at, false);
  }
  return decision;
}

/** A scale-up or scale-down request (R-SCALE-08: it needs approval and runs the approval loop). */
export function requestArrangementChange(
  draft: TransitionDraft,
  command: CommandOf<'requestArrangementChange'>,
): void {
  const state = draft.state;
  const decision = currentDecision(state);
  if (decision === undefined) return;
  const deadlineAt = deadlineFrom(state.policy, draft.now, state.policy.approvalDeadline);
  const resubmission = state.pendingChange;
  if (resubmission !== undefined) {
    resubmission.to = { ...command.arrangement };
    resubmission.direction = directionOf(resubmission.from, command.arrangement);
    resubmission.round += 1;
    resubmission.status = 'SUBMITTED';
    resubmission.deadlineAt = deadlineAt;
    resubmission.reasonCode = command.reasonCode;
    if (command.intensityCode !== undefined) resubmission.intensityCode = command.intensityCode;
  } else {
    state.changeCount += 1;
    state.pendingChange = {
      id: `${state.trajectoryId}-chg-${state.changeCount}`,
      number: state.changeCount,
      direction: directionOf(decision.arrangement, command.arrangement),
      from: { ...decision.arrangement },
      to: { ...command.arrangement },
      ...(command.intensityCode !== undefined ? { intensityCode: command.intensityCode } : {}),
      reasonCode: command.reasonCode,
      requestedByRef: command.actor.ref,
      requestedAt: draft.at,
      round: 1,
      status: 'SUBMITTED',
      deadlineAt,
    };
  }
  const change = state.pendingChange!;
  recordAudit(draft, 'ARRANGEMENT_CHANGE_REQUESTED', command.actor, {
    changeId: change.id,
    direction: change.direction,
    fromCode: change.from.code,
    toCode: change.to.code,
    fromTariffCents: change.from.tariffCents,
    toTariffCents: change.to.tariffCents,
    round: change.round,
    deadlineAt,
  });
  notify(draft, 'ARRANGEMENT_CHANGE_REQUESTED', 'LOCAL_TEAM', { changeId: change.id });
}

export function decideArrangementChange(
  draft: TransitionDraft,
  command: CommandOf<'decideArrangementChange'>,
): void {
  const state = draft.state;
  const change = state.pendingChange;
  if (change === undefined) return;
  const details = { changeId: change.id, decision: command.decision, reasonCode: command.reasonCode ?? null };
  switch (command.decision) {
    case 'APPROVE': {
      delete state.pendingChange;
      delete state.scalingAsked;
      const decision = applyNewArrangement(draft, {
        arrangement: change.to,
        cause: 'SCALING',
        approvedBy: 'LOCAL_TEAM',
        ...(change.intensityCode !== undefined ? { intensityCode: change.intensityCode } : {}),
      });
      recordAudit(draft, 'ARRANGEMENT_CHANGE_APPROVED', command.actor, {
        ...details,
        direction: change.direction,
        decisionVersion: decision.version,
      });
      break;
    }
    case 'REQUEST_CHANGES':
      change.status = 'CHANGES_REQUESTED';
      change.lastReasonCode = command.reasonCode;
      delete change.deadlineAt;
      recordAudit(draft, 'ARRANGEMENT_CHANGE_RETURNED', command.actor, { ...details, round: change.round });
      // domain.md §4.5: the same round-trip limit as a plan.
      if (change.round >= state.policy.roundTripLimit) {
        raiseEscalation(draft, { trigger: 'ROUND_TRIP_LIMIT', context: 'SCALING', actor: SYSTEM_ACTOR });
      }
      break;
    case 'REJECT':
      delete state.pendingChange;
      delete state.scalingAsked;
      recordAudit(draft, 'ARRANGEMENT_CHANGE_REJECTED', command.actor, details);
      break;
  }
  notify(draft, 'ARRANGEMENT_CHANGE_DECIDED', 'PROVIDER', {
    changeId: change.id,
    decision: command.decision,
  });
}

/** Renewal of the indication (herindicatie, D10): a new decision version, back to ACTIVE. */
export function renewIndication(draft: TransitionDraft, command: CommandOf<'renewIndication'>): void {
  const previous = currentDecision(draft.state);
  if (previous === undefined) return;
  const reason = draft.state.reassessment?.reason ?? null;
  const decision = applyNewArrangement(draft, {
    arrangement: command.arrangement ?? previous.arrangement,
    cause: 'RENEWAL',
    approvedBy: 'LOCAL_TEAM',
  });
  recordAudit(draft, 'INDICATION_RENEWED', command.actor as Actor, {
    reassessmentReason: reason,
    arrangementCode: decision.arrangement.code,
    tariffCents: decision.arrangement.tariffCents,
    validFrom: decision.validFrom,
    validTo: decision.validTo,
  });
}

import type { BreakthroughDecision } from '../breakthrough/breakthrough-decision';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { DecisionCause } from '../trajectory/care-decision';
import { currentDecision } from '../trajectory/care-decision';
import { scheduleReassessment } from '../care/care-scheduling';
import { closeTrajectory } from '../closure/closing';
import { issueDecision, startProviderClock } from '../decision/decision-issuing';
import type { Escalation } from '../trajectory/escalation';
import { returnToDrafters } from '../plan/return-to-drafters';
import { deadlineFrom } from '../shared/policy-time';
import { applyNewArrangement } from '../scaling/new-arrangement';
import type { TransitionDraft } from '../trajectory/transition-draft';
import { breakthroughDeadlines, breakthroughTimingOf } from '../breakthrough/breakthrough-timing';

type Decision<C extends BreakthroughDecision['code']> = Extract<BreakthroughDecision, { code: C }>;

/** What the table decides a decision version on. */
type TableDecision = [
  arrangement: ArrangementTerms,
  providerId: string,
  cause: DecisionCause,
  extra?: { provisional?: boolean; profileCode?: string; intensityCode?: string },
];

/** §4.3 DEFAULT: the table's decision replaces the local team's approval of that plan version. */
function approveByTable(draft: TransitionDraft, ...decision: TableDecision): void {
  const state = draft.state;
  if (state.plan) {
    state.plan.status = 'APPROVED';
    state.plan.approvedAt = draft.at;
    state.plan.approvedBy = 'BREAKTHROUGH_TABLE';
  }
  delete state.approvalClock;
  delete state.resubmissionDeadlineAt;
  issueTableDecision(draft, ...decision);
  backToDecided(draft);
}

/** A decision version the table issues, with a validity of its own (§7.2 CareDecision validTo). */
function issueTableDecision(
  draft: TransitionDraft,
  ...[arrangement, providerId, cause, extra = {}]: TableDecision
): void {
  issueDecision(draft, {
    arrangement,
    providerId,
    cause,
    approvedBy: 'BREAKTHROUGH_TABLE',
    validity: 'NEW',
    ...extra,
  });
}

function backToDecided(draft: TransitionDraft): void {
  draft.state.status = 'DECIDED';
  startProviderClock(draft);
}

function reclassify(draft: TransitionDraft, d: Decision<'RECLASSIFY'>): void {
  const state = draft.state;
  const complexityChanged = d.complexity !== undefined && d.complexity !== state.complexity;
  state.segment = d.segment ?? state.segment;
  state.complexity = d.complexity ?? state.complexity;
  // R-TIME-02: an indication that becomes high-complexity is reassessed yearly from now on.
  if (complexityChanged && state.startedAt !== undefined) scheduleReassessment(draft, draft.at);
}

/** From ESCALATED on a plan: DECIDED, CHANGES_REQUESTED or CLOSED (domain.md §7.4, last paragraph). */
export function decidePlanCase(
  draft: TransitionDraft,
  escalation: Escalation,
  d: BreakthroughDecision,
): void {
  const plan = draft.state.plan!;
  switch (d.code) {
    case 'APPROVE_AS_SUBMITTED':
      return approveByTable(draft, plan.arrangement, plan.leadProviderId, 'BREAKTHROUGH');
    case 'APPROVE_WITH_ARRANGEMENT':
      return approveByTable(draft, d.arrangement, plan.leadProviderId, 'BREAKTHROUGH', {
        ...(d.profileCode !== undefined ? { profileCode: d.profileCode } : {}),
        ...(d.intensityCode !== undefined ? { intensityCode: d.intensityCode } : {}),
      });
    case 'RECLASSIFY':
      reclassify(draft, d);
      if (d.arrangement !== undefined) {
        return approveByTable(draft, d.arrangement, plan.leadProviderId, 'BREAKTHROUGH');
      }
      return returnToDrafters(draft);
    case 'ASSIGN_OTHER_PROVIDER':
      return approveByTable(draft, plan.arrangement, d.leadProviderId, 'PROVIDER_REASSIGNMENT');
    case 'RETURN_WITH_INSTRUCTIONS':
      return returnToDrafters(
        draft,
        d.resubmitBy !== undefined ? new Date(d.resubmitBy).toISOString() : undefined,
      );
    case 'REJECT':
      return closeTrajectory(draft, 'REJECTED', d.decidedBy, { details: { escalationId: escalation.id } });
    case 'AUTHORISE_PROVISIONAL_START': {
      // decisions.md 3: care starts on the arrangement the local team offered; the table settles later.
      const offered = d.offeredArrangement ?? escalation.offeredArrangement!;
      approveByTable(draft, offered, plan.leadProviderId, 'PROVISIONAL_START', { provisional: true });
      return keepOpenForSettlement(draft, escalation, offered);
    }
  }
}

/** From ESCALATED on a provider not starting: back to DECIDED with a new start clock (domain.md §7.4). */
export function decideStartCase(
  draft: TransitionDraft,
  escalation: Escalation,
  d: BreakthroughDecision,
): void {
  const current = currentDecision(draft.state)!;
  const reissue = (...decision: TableDecision) => issueTableDecision(draft, ...decision);
  switch (d.code) {
    case 'APPROVE_WITH_ARRANGEMENT':
      reissue(d.arrangement, current.providerId, 'BREAKTHROUGH');
      break;
    case 'RECLASSIFY':
      reclassify(draft, d);
      reissue(d.arrangement ?? current.arrangement, current.providerId, 'BREAKTHROUGH');
      break;
    case 'ASSIGN_OTHER_PROVIDER':
      reissue(current.arrangement, d.leadProviderId, 'PROVIDER_REASSIGNMENT');
      break;
    case 'AUTHORISE_PROVISIONAL_START': {
      const offered = d.offeredArrangement ?? escalation.offeredArrangement ?? current.arrangement;
      if (
        offered.code !== current.arrangement.code ||
        offered.tariffCents !== current.arrangement.tariffCents
      ) {
        reissue(offered, current.providerId, 'PROVISIONAL_START', { provisional: true });
      }
      backToDecided(draft);
      return keepOpenForSettlement(draft, escalation, offered);
    }
    default:
      // APPROVE_AS_SUBMITTED confirms the decision; REJECT and RETURN_WITH_INSTRUCTIONS turn down the
      // provider's demand: the decision stands and the provider gets a new start clock.
      break;
  }
  backToDecided(draft);
}

/** A scaling case returns to care (domain.md §7.4 DEFAULT: "returns to ACTIVE"). */
export function decideScalingCase(draft: TransitionDraft, d: BreakthroughDecision): void {
  const state = draft.state;
  const change = state.pendingChange!;
  const settle = (arrangement: ArrangementTerms): void => {
    delete state.pendingChange;
    delete state.scalingAsked;
    applyNewArrangement(draft, {
      arrangement,
      cause: 'BREAKTHROUGH',
      approvedBy: 'BREAKTHROUGH_TABLE',
      ...(change.intensityCode !== undefined ? { intensityCode: change.intensityCode } : {}),
    });
  };
  switch (d.code) {
    case 'APPROVE_AS_SUBMITTED':
      return settle(change.to);
    case 'APPROVE_WITH_ARRANGEMENT':
      return settle(d.arrangement);
    case 'RECLASSIFY':
      reclassify(draft, d);
      return settle(d.arrangement ?? currentDecision(state)!.arrangement);
    case 'RETURN_WITH_INSTRUCTIONS':
      change.status = 'CHANGES_REQUESTED';
      change.deadlineAt =
        d.resubmitBy !== undefined
          ? new Date(d.resubmitBy).toISOString()
          : deadlineFrom(state.policy, draft.now, state.policy.approvalDeadline);
      return;
    default:
      delete state.pendingChange;
      delete state.scalingAsked;
      return;
  }
}

/**
 * Settles a provisional start (decisions.md 3): the decided arrangement becomes a new decision version;
 * after the start the payment rules pay the difference as an ADJUSTMENT under the scaling rule (§7.8).
 * REJECT keeps the offered arrangement, now definitive.
 */
export function settleProvisionalStart(
  draft: TransitionDraft,
  escalation: Escalation,
  d: BreakthroughDecision,
): void {
  const state = draft.state;
  const current = currentDecision(state)!;
  const arrangement =
    d.code === 'APPROVE_WITH_ARRANGEMENT'
      ? d.arrangement
      : d.code === 'APPROVE_AS_SUBMITTED'
        ? (escalation.askedArrangement ?? current.arrangement)
        : current.arrangement;
  if (state.startedAt !== undefined) {
    applyNewArrangement(draft, { arrangement, cause: 'BREAKTHROUGH', approvedBy: 'BREAKTHROUGH_TABLE' });
    return;
  }
  issueDecision(draft, {
    arrangement,
    providerId: current.providerId,
    cause: 'BREAKTHROUGH',
    approvedBy: 'BREAKTHROUGH_TABLE',
    validFrom: current.validFrom,
    validity: 'KEEP',
  });
}

function keepOpenForSettlement(
  draft: TransitionDraft,
  escalation: Escalation,
  offered: ArrangementTerms,
): void {
  const { deadlineAt, reminderAt } = breakthroughDeadlines(
    breakthroughTimingOf(draft.state.policy),
    draft.now,
  );
  escalation.status = 'PROVISIONAL';
  escalation.offeredArrangement = { ...offered };
  escalation.deadlineAt = deadlineAt;
  escalation.reminderAt = reminderAt;
}

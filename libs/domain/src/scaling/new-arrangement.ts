import { scheduleEvaluation, scheduleReassessment } from '../care/care-scheduling';
import { issueDecision } from '../decision/decision-issuing';
import { decisionTerms, recordPaymentEvent } from '../finance/payment-issuing';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { CareDecision, DecisionCause } from '../trajectory/care-decision';
import { currentDecision } from '../trajectory/care-decision';
import type { TransitionDraft } from '../trajectory/transition-draft';

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

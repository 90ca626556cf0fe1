import { currentDecision } from '../trajectory/care-decision';
import { deadlineFrom } from '../shared/policy-time';
import type { WaitSpec } from '../trajectory/wait';

/** The provider's start after the decision; the start deadline timer escalates PROVIDER_NOT_STARTING. */
export const providerStartWait: WaitSpec = {
  clock: (state) =>
    state.status === 'DECIDED' && state.providerStartDeadlineAt !== undefined
      ? { since: currentDecision(state)?.decisionDate, deadlineAt: state.providerStartDeadlineAt }
      : undefined,
  party: 'PROVIDER',
  remindBefore: true,
  noticeAfterDeadline: false,
};

/**
 * A due evaluation: EVALUATION_DUE told the local team and EVALUATION_OVERDUE flags it; after that the local
 * team is told again every reminder interval until it is held (it cannot be decided for the family).
 */
export const evaluationWait: WaitSpec = {
  clock: (state) =>
    state.status === 'ACTIVE' && state.care.evaluationDue && state.care.evaluationOverdueAt !== undefined
      ? { since: state.care.nextEvaluationAt, deadlineAt: state.care.evaluationOverdueAt }
      : undefined,
  party: 'LOCAL_TEAM',
  remindBefore: false,
  noticeAfterDeadline: true,
};

/**
 * The local team's reassessment (herindicatie): its own decision time (§4.5) from the start of the
 * reassessment, then notices; the renewal deadline still closes a decision that ran out (DECISION_EXPIRED).
 */
export const reassessmentWait: WaitSpec = {
  clock(state) {
    if (state.status !== 'REASSESSMENT' || state.reassessment === undefined) return undefined;
    const since = state.reassessment.since;
    return { since, deadlineAt: deadlineFrom(state.policy, since, state.policy.approvalDeadline) };
  },
  party: 'LOCAL_TEAM',
  remindBefore: true,
  noticeAfterDeadline: true,
};

/** Rules 2: a provider's proposed evaluation waits for the local team's decision (§4.5 decision time). */
export const evaluationProposalWait: WaitSpec = {
  clock(state) {
    const proposal = state.evaluationProposal;
    if (state.status !== 'ACTIVE' || proposal === undefined) return undefined;
    return {
      since: proposal.proposedAt,
      deadlineAt: deadlineFrom(state.policy, proposal.proposedAt, state.policy.approvalDeadline),
    };
  },
  party: 'LOCAL_TEAM',
  remindBefore: true,
  noticeAfterDeadline: true,
};

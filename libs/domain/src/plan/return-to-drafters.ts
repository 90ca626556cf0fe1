import { deadlineFrom } from '../shared/policy-time';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** RETURN_WITH_INSTRUCTIONS and RECLASSIFY without an arrangement: the drafters get a new deadline (§4.4). */
export function returnToDrafters(draft: TransitionDraft, resubmitBy?: string): void {
  const state = draft.state;
  if (state.plan) state.plan.status = 'CHANGES_REQUESTED';
  state.status = 'CHANGES_REQUESTED';
  delete state.approvalClock;
  state.resubmissionDeadlineAt =
    resubmitBy ?? deadlineFrom(state.policy, draft.now, state.policy.approvalDeadline);
}

import { raiseEscalation } from '../escalation/escalation-raising';
import { SYSTEM_ACTOR } from '../shared/actor';
import type { TimerSpec } from '../trajectory/timer';
import type { TransitionDraft } from '../trajectory/transition-draft';

/** domain.md §4.2 APPROVAL_SLA_EXCEEDED: "weken, en soms maanden" without an adopted plan [001:L165]. */
function escalateStalledPlan(draft: TransitionDraft): void {
  raiseEscalation(draft, { trigger: 'APPROVAL_SLA_EXCEEDED', context: 'PLAN', actor: SYSTEM_ACTOR });
}

/** The local team's decision time on a submitted version (§4.5: 10 working days); ESCALATED pauses it. */
export const approvalDeadline: TimerSpec = {
  dueAt: (state) =>
    state.status === 'AWAITING_APPROVAL' && state.approvalClock?.pausedAt === undefined
      ? state.approvalClock?.deadlineAt
      : undefined,
  fire: escalateStalledPlan,
};

/** The drafters' deadline after the table returned the plan with instructions (§4.4). */
export const resubmissionDeadline: TimerSpec = {
  dueAt: (state) => (state.status === 'CHANGES_REQUESTED' ? state.resubmissionDeadlineAt : undefined),
  fire: escalateStalledPlan,
};

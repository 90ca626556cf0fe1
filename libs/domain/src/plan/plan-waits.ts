import { raiseEscalation } from '../escalation/escalation-raising';
import { waitPolicy } from '../policy';
import { SYSTEM_ACTOR } from '../shared/actor';
import { deadlineFrom } from '../shared/policy-time';
import { openEscalation } from '../trajectory/escalation';
import type { WaitSpec } from '../trajectory/wait';
import { missingSignatures } from './plan-rules';

/** After intake the local team starts the plan (or records that none is needed); then it is reminded. */
export const intakeWait: WaitSpec = {
  clock: (state) =>
    state.status === 'INTAKE'
      ? {
          since: state.createdAt,
          deadlineAt: deadlineFrom(state.policy, state.createdAt, waitPolicy(state.policy).intakeDeadline),
        }
      : undefined,
  party: 'LOCAL_TEAM',
  remindBefore: true,
  noticeAfterDeadline: true,
};

/** The resident and supporters draft the plan; past the deadline the drafters and the local team hear of it. */
export const draftingWait: WaitSpec = {
  clock(state) {
    if (state.status !== 'DRAFTING' || state.draftingStartedAt === undefined) return undefined;
    const since = state.draftingStartedAt;
    return {
      since,
      deadlineAt: deadlineFrom(state.policy, since, waitPolicy(state.policy).draftingDeadline),
    };
  },
  party: 'DRAFTERS',
  remindBefore: true,
  noticeAfterDeadline: true,
};

/**
 * The signatures of a submitted version (domain.md §4.5: 5 working days). Missing ones at the deadline go to
 * the table as MISSING_SIGNATURES (§4.2, the signature deadlock of [001:L287]); the table may decide
 * without them.
 */
export const signaturesWait: WaitSpec = {
  clock(state) {
    const plan = state.plan;
    if (state.status !== 'AWAITING_APPROVAL' || plan === undefined) return undefined;
    if (state.approvalClock?.pausedAt !== undefined || missingSignatures(state).length === 0)
      return undefined;
    return {
      since: plan.submittedAt,
      deadlineAt: deadlineFrom(state.policy, plan.submittedAt, state.policy.signatureDeadline),
    };
  },
  party: 'DRAFTERS',
  remindBefore: true,
  expire(draft) {
    if (openEscalation(draft.state) !== undefined) return;
    raiseEscalation(draft, { trigger: 'MISSING_SIGNATURES', context: 'PLAN', actor: SYSTEM_ACTOR });
  },
  noticeAfterDeadline: false,
};

/** The local team's decision on a submitted version; the approval deadline timer escalates (§4.5). */
export const approvalWait: WaitSpec = {
  clock: (state) =>
    state.status === 'AWAITING_APPROVAL' && state.approvalClock && state.approvalClock.pausedAt === undefined
      ? { since: state.approvalClock.startedAt, deadlineAt: state.approvalClock.deadlineAt }
      : undefined,
  party: 'LOCAL_TEAM',
  remindBefore: true,
  noticeAfterDeadline: false,
};

/** The drafters' resubmission after a return; the resubmission deadline timer escalates (§4.2, §4.4). */
export const resubmissionWait: WaitSpec = {
  clock: (state) =>
    state.status === 'CHANGES_REQUESTED' && state.resubmissionDeadlineAt !== undefined
      ? { deadlineAt: state.resubmissionDeadlineAt }
      : undefined,
  party: 'DRAFTERS',
  remindBefore: true,
  noticeAfterDeadline: false,
};

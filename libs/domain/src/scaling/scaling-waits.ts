import { waitPolicy } from '../policy';
import { SYSTEM_ACTOR } from '../shared/actor';
import { deadlineFrom } from '../shared/policy-time';
import { notify, recordAudit } from '../trajectory/transition-draft';
import { isInCare } from '../trajectory/trajectory-status';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import type { WaitSpec } from '../trajectory/wait';

/** Who asks for another arrangement (R-ROLE-02): the municipality in Wmo, the provider in youth care. */
function requester(state: TrajectoryState) {
  return state.domain === 'WMO' ? ('LOCAL_TEAM' as const) : ('PROVIDER' as const);
}

/** The local team's decision on a submitted change; the change deadline timer escalates (§4.5). */
export const changeDecisionWait: WaitSpec = {
  clock: (state) =>
    isInCare(state.status) && state.pendingChange?.status === 'SUBMITTED' && state.pendingChange.deadlineAt
      ? { since: state.pendingChange.requestedAt, deadlineAt: state.pendingChange.deadlineAt }
      : undefined,
  party: 'LOCAL_TEAM',
  remindBefore: true,
  noticeAfterDeadline: false,
};

/** A returned change waits for its resubmission; the change deadline timer lets it lapse. */
export const changeResubmissionWait: WaitSpec = {
  clock: (state) =>
    isInCare(state.status) &&
    state.pendingChange?.status === 'CHANGES_REQUESTED' &&
    state.pendingChange.deadlineAt
      ? { deadlineAt: state.pendingChange.deadlineAt }
      : undefined,
  party: requester,
  remindBefore: true,
  noticeAfterDeadline: false,
};

/**
 * An evaluation asked for scaling (SCALE_UP / SCALE_DOWN) and nobody requested the change: the requester is
 * reminded, and at the deadline the request lapses (DEFAULT, like a lapsed change): care goes on as decided.
 */
export const scalingExpectedWait: WaitSpec = {
  clock(state) {
    const asked = state.scalingAsked;
    if (!isInCare(state.status) || asked === undefined || state.pendingChange !== undefined) return undefined;
    return {
      since: asked.since,
      deadlineAt: deadlineFrom(state.policy, asked.since, waitPolicy(state.policy).resubmissionDeadline),
    };
  },
  party: requester,
  remindBefore: true,
  expire(draft, at) {
    const asked = draft.state.scalingAsked;
    if (asked === undefined) return;
    delete draft.state.scalingAsked;
    recordAudit(draft, 'SCALING_REQUEST_LAPSED', SYSTEM_ACTOR, {
      direction: asked.direction,
      evaluationNumber: asked.evaluationNumber,
      deadlineAt: at,
    });
    notify(draft, 'ARRANGEMENT_CHANGE_DECIDED', requester(draft.state), { decision: 'LAPSED' });
  },
  noticeAfterDeadline: false,
};

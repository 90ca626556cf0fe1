import { raiseEscalation } from '../escalation/escalation-raising';
import { SYSTEM_ACTOR } from '../shared/actor';
import { openEscalation } from '../trajectory/escalation';
import type { TimerSpec } from '../trajectory/timer';
import { notify, recordAudit } from '../trajectory/transition-draft';
import { isInCare } from '../trajectory/trajectory-status';

/**
 * The decision time on a pending arrangement change (§4.5, as for a plan version): a submitted change goes
 * to the table; a change the table returned and nobody resubmitted lapses.
 */
export const changeDeadline: TimerSpec = {
  dueAt: (state) =>
    isInCare(state.status) && state.pendingChange?.status !== 'ESCALATED'
      ? state.pendingChange?.deadlineAt
      : undefined,
  fire(draft) {
    const state = draft.state;
    const change = state.pendingChange!;
    if (change.status === 'SUBMITTED' && openEscalation(state) === undefined) {
      raiseEscalation(draft, { trigger: 'APPROVAL_SLA_EXCEEDED', context: 'SCALING', actor: SYSTEM_ACTOR });
      return;
    }
    // DEFAULT: a change returned by the table and not resubmitted in time lapses; care goes on as decided.
    delete state.pendingChange;
    delete state.scalingAsked;
    recordAudit(draft, 'ARRANGEMENT_CHANGE_LAPSED', SYSTEM_ACTOR, { changeId: change.id });
    notify(draft, 'ARRANGEMENT_CHANGE_DECIDED', 'LOCAL_TEAM', { changeId: change.id, decision: 'LAPSED' });
  },
};

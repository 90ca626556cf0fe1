import type { WaitSpec } from '../trajectory/wait';
import { runningStatutoryClock, STATUTORY_REMINDER_LEAD, type StatutoryClockKind } from './statutory-clocks';

/**
 * A statutory period as a wait for the municipality (its local team decides for it): reminded a working
 * week before it lapses, then a notice every reminder interval until it stops. Never a decision by itself.
 */
function statutoryWait(kind: StatutoryClockKind): WaitSpec {
  return {
    clock(state) {
      const running = runningStatutoryClock(state, kind);
      return running && { since: running.startedAt, deadlineAt: running.deadlineAt };
    },
    party: 'LOCAL_TEAM',
    remindBefore: true,
    reminderLead: STATUTORY_REMINDER_LEAD,
    noticeAfterDeadline: true,
  };
}

export const wmoResearchWait = statutoryWait('WMO_RESEARCH');
export const wmoDecisionWait = statutoryWait('WMO_DECISION');
export const jeugdDecisionWait = statutoryWait('JEUGD_DECISION');

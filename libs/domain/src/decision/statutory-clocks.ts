import type { PolicyDuration } from '../policy';
import { deadlineFrom } from '../shared/policy-time';
import { rulesOf } from '../trajectory/rules-version';
import type { TrajectoryState } from '../trajectory/trajectory-state';

/**
 * The periods the law gives the municipality (wettelijke termijnen), which bind it more than any policy timer:
 * - WMO_RESEARCH: after a notification (melding) the municipality completes its research within 6 weeks
 *   (Wmo 2015 art. 2.3.2 lid 1). Here the intake is the melding and the research ends with the first plan
 *   version (the verslag the resident applies with) or the recorded exemption.
 * - WMO_DECISION: after the application (aanvraag) the municipality decides within 2 weeks (Wmo 2015 art.
 *   2.3.5 lid 1). Here the first submitted plan is the aanvraag; the first care decision, a rejection or a
 *   withdrawal ends it.
 * - JEUGD_DECISION: the Jeugdwet sets no term of its own, so the Awb's applies: a decision within 8 weeks of
 *   the application (Awb art. 4:13 lid 2). Here the intake is the application.
 * Weeks are calendar weeks. The Awb counts to the end of the last day; the clock lapses at the same time of
 * day as it began, the safe side. A lapsed clock is a notice and a worklist entry, never a decision: neither
 * law knows a decision by default for care (no positieve fictieve beschikking), and R-ROLE-03 wants an
 * explicit approval.
 */
export type StatutoryClockKind = 'WMO_RESEARCH' | 'WMO_DECISION' | 'JEUGD_DECISION';

export const STATUTORY_PERIODS: Readonly<
  Record<StatutoryClockKind, { period: PolicyDuration; law: string }>
> = {
  WMO_RESEARCH: { period: { calendarDays: 42 }, law: 'Wmo 2015 art. 2.3.2 lid 1' },
  WMO_DECISION: { period: { calendarDays: 14 }, law: 'Wmo 2015 art. 2.3.5 lid 1' },
  JEUGD_DECISION: { period: { calendarDays: 56 }, law: 'Awb art. 4:13 lid 2' },
};

/** A reminder a working week before a statutory period lapses (a DEFAULT of the product). */
export const STATUTORY_REMINDER_LEAD: PolicyDuration = { workingDays: 5 };

export interface StatutoryClock {
  kind: StatutoryClockKind;
  law: string;
  startedAt: string;
  deadlineAt: string;
  /** When what the period asks for happened (or the trajectory closed); absent while it runs. */
  stoppedAt?: string;
}

function clock(
  state: TrajectoryState,
  kind: StatutoryClockKind,
  startedAt: string,
  stoppedAt: string | undefined,
): StatutoryClock {
  const { period, law } = STATUTORY_PERIODS[kind];
  return {
    kind,
    law,
    startedAt,
    deadlineAt: deadlineFrom(state.policy, startedAt, period),
    ...(stoppedAt !== undefined ? { stoppedAt } : {}),
  };
}

/** The first decision on the application: a care decision, or the closure (rejection, withdrawal). */
function decidedAt(state: TrajectoryState): string | undefined {
  return state.decisions[0]?.decisionDate ?? state.closure?.closedAt;
}

/**
 * The statutory clocks of a trajectory under rules 2 (trajectories of rules 1 had none), running or
 * stopped, in the order they start.
 */
export function statutoryClocks(state: TrajectoryState): StatutoryClock[] {
  if (rulesOf(state) !== 2) return [];
  if (state.domain === 'JEUGD') {
    return [clock(state, 'JEUGD_DECISION', state.createdAt, decidedAt(state))];
  }
  const researched = state.firstSubmittedAt ?? state.exemption?.recordedAt ?? state.closure?.closedAt;
  const clocks = [clock(state, 'WMO_RESEARCH', state.createdAt, researched)];
  if (state.firstSubmittedAt !== undefined) {
    clocks.push(clock(state, 'WMO_DECISION', state.firstSubmittedAt, decidedAt(state)));
  }
  return clocks;
}

/** The running clock of one kind, if any. */
export function runningStatutoryClock(
  state: TrajectoryState,
  kind: StatutoryClockKind,
): StatutoryClock | undefined {
  return statutoryClocks(state).find((c) => c.kind === kind && c.stoppedAt === undefined);
}

/** The earliest deadline among the running clocks: what worklists and search attributes sort on. */
export function nextStatutoryDeadline(state: TrajectoryState): StatutoryClock | undefined {
  return statutoryClocks(state)
    .filter((c) => c.stoppedAt === undefined)
    .sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt))[0];
}

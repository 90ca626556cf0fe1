import {
  evaluationProposalWait,
  evaluationWait,
  providerStartWait,
  reassessmentWait,
} from '../care/care-waits';
import { jeugdDecisionWait, wmoDecisionWait, wmoResearchWait } from '../decision/statutory-waits';
import { approvalWait, draftingWait, intakeWait, resubmissionWait, signaturesWait } from '../plan/plan-waits';
import { waitPolicy } from '../policy';
import { changeDecisionWait, changeResubmissionWait, scalingExpectedWait } from '../scaling/scaling-waits';
import { SYSTEM_ACTOR } from '../shared/actor';
import { deadlineFrom, instantBefore, laterOf } from '../shared/policy-time';
import type { TimerSpec } from '../trajectory/timer';
import { notify, recordAudit } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState, WaitReminder } from '../trajectory/trajectory-state';
import type { WaitClock, WaitSpec } from '../trajectory/wait';

/**
 * Every wait for a person (issue "no plan stalls", README "Waits and deadlines"): each has a deadline, a
 * reminder before it and an outcome at it. Adding a wait: its WaitSpec in the feature folder and one line here.
 */
export const WAITS = {
  INTAKE: intakeWait,
  DRAFTING: draftingWait,
  SIGNATURES: signaturesWait,
  APPROVAL: approvalWait,
  RESUBMISSION: resubmissionWait,
  PROVIDER_START: providerStartWait,
  CHANGE_DECISION: changeDecisionWait,
  CHANGE_RESUBMISSION: changeResubmissionWait,
  SCALING_EXPECTED: scalingExpectedWait,
  EVALUATION: evaluationWait,
  EVALUATION_PROPOSAL: evaluationProposalWait,
  REASSESSMENT: reassessmentWait,
  WMO_RESEARCH: wmoResearchWait,
  WMO_DECISION: wmoDecisionWait,
  JEUGD_DECISION: jeugdDecisionWait,
} as const satisfies Record<string, WaitSpec>;

export type WaitKind = keyof typeof WAITS;
export type WaitTimerKind = `${WaitKind}_${'OUTCOME' | 'NOTICE' | 'REMINDER'}`;

const WAIT_KINDS = Object.keys(WAITS) as WaitKind[];

/** The wait's clock under rules 2 (earlier trajectories have no waits), and what was sent for it. */
function waitOf(
  state: TrajectoryState,
  kind: WaitKind,
): { clock: WaitClock; mark: WaitReminder } | undefined {
  if (state.rulesVersion !== 2) return undefined;
  const clock = WAITS[kind].clock(state);
  if (clock === undefined) return undefined;
  const stored = state.waitReminders?.[kind];
  // A mark of an earlier wait of this kind (another deadline) does not count for this one.
  const mark = stored?.deadlineAt === clock.deadlineAt ? stored : { deadlineAt: clock.deadlineAt };
  return { clock, mark };
}

/** The deadline of the wait of this kind the state is in, if any (rules 2 only). */
export function waitDeadline(state: TrajectoryState, kind: WaitKind): string | undefined {
  return waitOf(state, kind)?.clock.deadlineAt;
}

function remember(draft: TransitionDraft, kind: WaitKind, mark: WaitReminder): void {
  draft.state.waitReminders = { ...draft.state.waitReminders, [kind]: mark };
}

function partyOf(state: TrajectoryState, kind: WaitKind) {
  const party = WAITS[kind].party;
  return typeof party === 'function' ? party(state) : party;
}

/**
 * The reminder: `reminderLead` before the deadline, but not before the wait is half over, so that a short
 * wait (or a wait that began late) is not reminded the moment it begins.
 */
function reminderAt(state: TrajectoryState, clock: WaitClock, kind: WaitKind): string {
  const spec: WaitSpec = WAITS[kind];
  const lead = instantBefore(
    state.policy,
    clock.deadlineAt,
    spec.reminderLead ?? waitPolicy(state.policy).reminderLead,
  );
  if (clock.since === undefined) return lead;
  const half = new Date((Date.parse(clock.since) + Date.parse(clock.deadlineAt)) / 2).toISOString();
  return laterOf(lead, half);
}

function deadlineTimer(kind: WaitKind): TimerSpec {
  return {
    dueAt: (state) => (WAITS[kind].expire ? waitOf(state, kind)?.clock.deadlineAt : undefined),
    fire: (draft, at) => WAITS[kind].expire?.(draft, at),
  };
}

function overdueNoticeTimer(kind: WaitKind): TimerSpec {
  return {
    dueAt(state) {
      const wait = WAITS[kind].noticeAfterDeadline ? waitOf(state, kind) : undefined;
      if (wait === undefined) return undefined;
      const last = wait.mark.overdueNoticeAt;
      return last === undefined
        ? wait.clock.deadlineAt
        : deadlineFrom(state.policy, last, waitPolicy(state.policy).reminderInterval);
    },
    fire(draft, at) {
      const wait = waitOf(draft.state, kind)!;
      remember(draft, kind, { ...wait.mark, overdueNoticeAt: at });
      recordAudit(draft, 'WAIT_OVERDUE', SYSTEM_ACTOR, { wait: kind, deadlineAt: wait.clock.deadlineAt });
      notify(draft, 'WAIT_OVERDUE', partyOf(draft.state, kind), {
        wait: kind,
        deadlineAt: wait.clock.deadlineAt,
      });
    },
  };
}

function reminderTimer(kind: WaitKind): TimerSpec {
  return {
    dueAt(state) {
      const wait = WAITS[kind].remindBefore ? waitOf(state, kind) : undefined;
      if (
        wait === undefined ||
        wait.mark.remindedAt !== undefined ||
        wait.mark.overdueNoticeAt !== undefined
      ) {
        return undefined;
      }
      return reminderAt(state, wait.clock, kind);
    },
    fire(draft, at) {
      const wait = waitOf(draft.state, kind)!;
      remember(draft, kind, { ...wait.mark, remindedAt: at });
      recordAudit(draft, 'REMINDER_SENT', SYSTEM_ACTOR, { wait: kind, deadlineAt: wait.clock.deadlineAt });
      notify(draft, 'DEADLINE_APPROACHING', partyOf(draft.state, kind), {
        wait: kind,
        deadlineAt: wait.clock.deadlineAt,
      });
    },
  };
}

function timersFor(suffix: 'OUTCOME' | 'NOTICE' | 'REMINDER', make: (kind: WaitKind) => TimerSpec) {
  return Object.fromEntries(WAIT_KINDS.map((kind) => [`${kind}_${suffix}`, make(kind)]));
}

/**
 * The timers of the waits, in the order they apply when several are due at once: outcomes first (a wait that
 * ended needs no reminder), then the notices after a deadline, then the reminders before one.
 */
export const WAIT_TIMERS = {
  ...timersFor('OUTCOME', deadlineTimer),
  ...timersFor('NOTICE', overdueNoticeTimer),
  ...timersFor('REMINDER', reminderTimer),
} as Record<WaitTimerKind, TimerSpec>;

import { nextDeadline } from './apply-due-timers';
import { allowedActions } from './command-access';
import { currentDecision } from '../trajectory/care-decision';
import { openEscalation } from '../trajectory/escalation';
import { jsonCopy } from '../shared/json-copy';
import type { SignatureParty } from '../trajectory/perspective-plan';
import { missingSignatures } from '../plan/plan-rules';
import type { TrajectoryCommandType } from './commands';
import type { Closure, TrajectoryState } from '../trajectory/trajectory-state';
import type { TrajectoryStatus } from '../trajectory/trajectory-status';
import { renewalDeadlineOf } from '../care/care-timers';
import { rulesOf } from '../trajectory/rules-version';
import { nextStatutoryDeadline, statutoryClocks, type StatutoryClock } from '../decision/statutory-clocks';
import { waitDeadline, type WaitKind } from './trajectory-waits';

/** Who holds the case up (P03: "the state shows who is blocking"); DRAFTERS = resident with supporters. */
export type BlockingParty = 'LOCAL_TEAM' | 'PROVIDER' | 'BREAKTHROUGH_TABLE' | 'DRAFTERS' | SignatureParty;

export interface Blocker {
  party: BlockingParty;
  reason: string;
  until?: string;
  overdue: boolean;
}

export interface TrajectoryDeadlines {
  /** Rules 2: the local team's start of the plan after intake. */
  intakeDeadline?: string;
  /** Rules 2: the drafters' first submission. */
  draftingDeadline?: string;
  /** Rules 2: the signatures of the submitted version, then MISSING_SIGNATURES. */
  signatureDeadline?: string;
  approvalDeadline?: string;
  approvalClockPausedAt?: string;
  resubmissionDeadline?: string;
  changeDeadline?: string;
  providerStartDeadline?: string;
  breakthroughDeadline?: string;
  breakthroughReminder?: string;
  nextEvaluationAt?: string;
  evaluationOverdueAt?: string;
  reassessmentAt?: string;
  decisionValidTo?: string;
  renewalDeadline?: string;
  nextPeriodPaymentAt?: string;
  /** The earliest running statutory period (Wmo 2015, Awb), see `statutoryClocks`. */
  statutoryDeadline?: string;
}

/** The `getStatus` query (domain.md §7.6): pseudonymous ids, codes and instants only. */
export interface TrajectoryView {
  trajectoryId: string;
  status: TrajectoryStatus;
  subFlags: {
    evaluationDue: boolean;
    evaluationOverdue: boolean;
    scalingPending: boolean;
    escalated: boolean;
    provisionalStart: boolean;
  };
  allowedActions: TrajectoryCommandType[];
  planVersion?: number;
  rounds: number;
  decisionVersion?: number;
  leadProviderId?: string;
  deadlines: TrajectoryDeadlines;
  nextDeadline?: string;
  blocking: Blocker[];
  missingSignatures: SignatureParty[];
  openEscalation?: {
    id: string;
    trigger: string;
    context: string;
    status: string;
    deadlineAt: string;
    reminderAt: string;
    overdue: boolean;
  };
  pendingChange?: { id: string; direction: string; status: string; round: number; deadlineAt?: string };
  /** Rules 2: the periods the law gives the municipality, running or stopped (decision/statutory-clocks.ts). */
  statutoryClocks: (StatutoryClock & { lapsed: boolean })[];
  /** Rules 2: a provider's evaluation outcome waiting for the local team (decisions.md 5). */
  evaluationProposal?: { outcome: string; proposedByRef: string; proposedAt: string; deadlineAt?: string };
  closure?: Closure;
  predecessorTrajectoryId?: string;
  successorTrajectoryId?: string;
}

function deadlinesOf(state: TrajectoryState): TrajectoryDeadlines {
  const escalation = openEscalation(state);
  const decision = currentDecision(state);
  const wait = (kind: WaitKind) => waitDeadline(state, kind);
  const entries: [keyof TrajectoryDeadlines, string | undefined][] = [
    ['intakeDeadline', wait('INTAKE')],
    ['draftingDeadline', wait('DRAFTING')],
    ['signatureDeadline', wait('SIGNATURES')],
    ['approvalDeadline', state.approvalClock?.deadlineAt],
    ['approvalClockPausedAt', state.approvalClock?.pausedAt],
    ['resubmissionDeadline', state.resubmissionDeadlineAt],
    ['changeDeadline', state.pendingChange?.deadlineAt],
    ['providerStartDeadline', state.providerStartDeadlineAt],
    ['breakthroughDeadline', escalation?.deadlineAt],
    ['breakthroughReminder', escalation?.reminderAt],
    ['nextEvaluationAt', state.care.nextEvaluationAt],
    ['evaluationOverdueAt', state.care.evaluationOverdueAt],
    ['reassessmentAt', state.care.reassessmentAt],
    ['decisionValidTo', state.status === 'CLOSED' ? undefined : decision?.validTo],
    ['renewalDeadline', renewalDeadlineOf(state)],
    ['nextPeriodPaymentAt', state.periodSchedule?.nextBoundaryAt],
    ['statutoryDeadline', nextStatutoryDeadline(state)?.deadlineAt],
  ];
  const out: TrajectoryDeadlines = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value;
  return out;
}

function blockersOf(state: TrajectoryState, now: string): Blocker[] {
  const out: Blocker[] = [];
  const add = (party: BlockingParty, reason: string, until?: string): void => {
    out.push({
      party,
      reason,
      ...(until !== undefined ? { until } : {}),
      overdue: until !== undefined && until < now,
    });
  };
  // Rules 2: the deadline of the wait the blocker is in (rules 1 had none for some of them).
  const wait = (kind: WaitKind) => waitDeadline(state, kind);
  const escalation = openEscalation(state);
  if (escalation !== undefined) {
    add('BREAKTHROUGH_TABLE', `BREAKTHROUGH_${escalation.context}`, escalation.deadlineAt);
  }
  const change = state.pendingChange;
  switch (state.status) {
    case 'INTAKE':
      add('LOCAL_TEAM', 'NEEDS_CLARIFICATION', wait('INTAKE'));
      break;
    case 'DRAFTING':
      add('DRAFTERS', 'PLAN_BEING_DRAFTED', wait('DRAFTING'));
      break;
    case 'AWAITING_APPROVAL':
      for (const party of missingSignatures(state)) {
        // Rules 2: a signatory has its own deadline (then MISSING_SIGNATURES); rules 1 had the approval's.
        const signBy = rulesOf(state) === 2 ? wait('SIGNATURES') : state.approvalClock?.deadlineAt;
        add(party, 'SIGNATURE_MISSING', signBy);
      }
      add('LOCAL_TEAM', 'APPROVAL_DECISION', state.approvalClock?.deadlineAt);
      break;
    case 'CHANGES_REQUESTED':
      add('DRAFTERS', 'CHANGES_REQUESTED', state.resubmissionDeadlineAt);
      break;
    case 'DECIDED':
      add('PROVIDER', 'START_OF_CARE', state.providerStartDeadlineAt);
      break;
    case 'ACTIVE':
      if (state.evaluationProposal !== undefined) {
        add('LOCAL_TEAM', 'EVALUATION_PROPOSAL', wait('EVALUATION_PROPOSAL'));
      }
      if (state.care.evaluationDue) add('LOCAL_TEAM', 'EVALUATION_DUE', state.care.evaluationOverdueAt);
      if (state.scalingAsked !== undefined && change === undefined) {
        add(
          state.domain === 'WMO' ? 'LOCAL_TEAM' : 'PROVIDER',
          'ARRANGEMENT_CHANGE_EXPECTED',
          wait('SCALING_EXPECTED'),
        );
      }
      break;
    case 'REASSESSMENT':
      add('LOCAL_TEAM', 'REASSESSMENT', renewalDeadlineOf(state));
      break;
    default:
      break;
  }
  if (change?.status === 'SUBMITTED') add('LOCAL_TEAM', 'ARRANGEMENT_CHANGE_DECISION', change.deadlineAt);
  if (change?.status === 'CHANGES_REQUESTED') {
    add(
      state.domain === 'WMO' ? 'LOCAL_TEAM' : 'PROVIDER',
      'ARRANGEMENT_CHANGE_RESUBMISSION',
      change.deadlineAt,
    );
  }
  return out;
}

function deadlineOf(deadlineAt: string | undefined): { deadlineAt?: string } {
  return deadlineAt === undefined ? {} : { deadlineAt };
}

/** The trajectory as the query side sees it at `now`: status, sub-flags, actions, deadlines, blockers. */
export function trajectoryView(state: TrajectoryState, now: Date): TrajectoryView {
  const at = now.toISOString();
  const escalation = openEscalation(state);
  const decision = currentDecision(state);
  const next = nextDeadline(state);
  return {
    trajectoryId: state.trajectoryId,
    status: state.status,
    subFlags: {
      evaluationDue: state.care.evaluationDue,
      evaluationOverdue: state.care.evaluationOverdue,
      scalingPending: state.scalingAsked !== undefined || state.pendingChange !== undefined,
      escalated: escalation !== undefined,
      provisionalStart: escalation?.status === 'PROVISIONAL',
    },
    allowedActions: allowedActions(state),
    ...(state.plan ? { planVersion: state.plan.version } : {}),
    rounds: state.rounds.length,
    ...(decision ? { decisionVersion: decision.version } : {}),
    ...(state.leadProviderId !== undefined ? { leadProviderId: state.leadProviderId } : {}),
    deadlines: deadlinesOf(state),
    ...(next !== undefined ? { nextDeadline: next } : {}),
    blocking: blockersOf(state, at),
    missingSignatures: state.status === 'AWAITING_APPROVAL' ? missingSignatures(state) : [],
    statutoryClocks: statutoryClocks(state).map((c) => ({
      ...c,
      // Lapsed: past its deadline before what it asks for happened (or still running past it).
      lapsed: (c.stoppedAt ?? at) > c.deadlineAt,
    })),
    ...(escalation
      ? {
          openEscalation: {
            id: escalation.id,
            trigger: escalation.trigger,
            context: escalation.context,
            status: escalation.status,
            deadlineAt: escalation.deadlineAt,
            reminderAt: escalation.reminderAt,
            // decisions.md 10: overdue is shown, never turned into an approval.
            overdue: escalation.deadlineAt < at,
          },
        }
      : {}),
    ...(state.pendingChange
      ? {
          pendingChange: {
            id: state.pendingChange.id,
            direction: state.pendingChange.direction,
            status: state.pendingChange.status,
            round: state.pendingChange.round,
            ...(state.pendingChange.deadlineAt ? { deadlineAt: state.pendingChange.deadlineAt } : {}),
          },
        }
      : {}),
    ...(state.evaluationProposal
      ? {
          evaluationProposal: {
            outcome: state.evaluationProposal.input.outcome,
            proposedByRef: state.evaluationProposal.proposedByRef,
            proposedAt: state.evaluationProposal.proposedAt,
            ...deadlineOf(waitDeadline(state, 'EVALUATION_PROPOSAL')),
          },
        }
      : {}),
    ...(state.closure ? { closure: jsonCopy(state.closure) } : {}),
    ...(state.predecessorTrajectoryId !== undefined
      ? { predecessorTrajectoryId: state.predecessorTrajectoryId }
      : {}),
    ...(state.successorTrajectoryId !== undefined
      ? { successorTrajectoryId: state.successorTrajectoryId }
      : {}),
  };
}

/**
 * A quiet point for continue-as-new: care ACTIVE, no case at the table, no arrangement change pending.
 */
export function isAtEvaluationBoundary(state: TrajectoryState): boolean {
  return (
    state.status === 'ACTIVE' &&
    openEscalation(state) === undefined &&
    state.pendingChange === undefined &&
    state.evaluationProposal === undefined
  );
}

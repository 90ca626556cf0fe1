import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { TRAJECTORY_COMMAND_TYPES } from '@app/domain';
import type {
  BreakthroughCaseState,
  BreakthroughDecision,
  BreakthroughDocket,
  CareDomain,
  CareSegment,
  ComplexityClass,
  TrajectoryCommand,
  TrajectoryCommandType,
  TrajectoryStart,
  TrajectoryState,
  TrajectoryView,
} from '@app/domain';

export type { CareDomain, CareSegment, ComplexityClass };

/** Care domains: Wmo support and youth care (jeugdhulp). */
export const CARE_DOMAINS: readonly CareDomain[] = ['WMO', 'JEUGD'];
/** domain.md §3.4 R-SEG-01: segment A (free access), B (one tariff per arrangement), C (tailored). */
export const CARE_SEGMENTS: readonly CareSegment[] = ['A', 'B', 'C'];
/** domain.md §3.4 R-SEG-03: proposed low/high complexity classes, kept apart from the segment (§1.7). */
export const COMPLEXITY_CLASSES: readonly ComplexityClass[] = ['LOW', 'HIGH'];

/**
 * Input of the trajectory workflow. A fresh start carries `start` (with the region's policy snapshot) and the
 * history version it runs under; a continued-as-new run also carries the state it left off with.
 */
export interface TrajectoryWorkflowInput {
  start: TrajectoryStart;
  carried?: TrajectoryState;
  /**
   * How the run shapes its history (issue 20). Absent: version 1, as every run recorded before it (continue as
   * new at each evaluation, a timer re-armed on every wake-up, an upsert per transition). 2: the lean history
   * (workflows/trajectory.workflow.ts). 3: as 2, and the trajectory is created at its `receivedAt`, so its
   * starter sets every search attribute and the first workflow task upserts none. In the input, not a
   * `patched()` marker: a marker would cost every run an event, and the input is as fixed in history as a
   * marker is.
   */
  historyVersion?: HistoryVersion;
  /** Version 2 on: the run continues as new once its history holds this many events (default 1,000). */
  runEventBound?: number;
}

/** History version 2 (issue 20): continue-as-new at a bound, a kept deadline timer, one upsert per task. */
export const LEAN_HISTORY = 2;
/** History version 3 (issue 20): version 2, plus every search attribute set at the start. */
export const START_ATTRIBUTES_HISTORY = 3;
export type HistoryVersion = typeof LEAN_HISTORY | typeof START_ATTRIBUTES_HISTORY;
/** What every new trajectory and every continued run gets. */
export const CURRENT_HISTORY_VERSION: HistoryVersion = START_ATTRIBUTES_HISTORY;

/**
 * The input that starts a new trajectory: under the current history version when the API starts it, under
 * `version` when a workflow does (a successor takes its predecessor's).
 */
export function newTrajectoryInput(
  start: TrajectoryStart,
  version: HistoryVersion = CURRENT_HISTORY_VERSION,
): TrajectoryWorkflowInput {
  return { start, historyVersion: version };
}

/**
 * The version a run continues as new (or starts a successor) under: its own, and version 1 moves to 2. Only
 * the API moves trajectories to a newer version, when it starts them. So an upgrade replaces every worker
 * before any API: an older worker that is still running never meets a run of a version it does not know,
 * neither a new trajectory nor one that a new worker continued.
 */
export function continuedHistoryVersion(
  input: Pick<TrajectoryWorkflowInput, 'historyVersion'>,
): HistoryVersion {
  return input.historyVersion ?? LEAN_HISTORY;
}

/** How a trajectory workflow ended. */
export interface TrajectoryResult {
  trajectoryId: string;
  status: TrajectoryState['status'];
  closureReason?: string;
  successorTrajectoryId?: string;
}

/** Live status: state, sub-flags, allowed actions, deadlines and who is blocking (domain.md §7.6). */
export const getTrajectoryQuery = defineQuery<TrajectoryView>('getTrajectory');
/** The whole pseudonymous state: plan versions, rounds, escalations, decisions, evaluations, payments. */
export const getTrajectoryStateQuery = defineQuery<TrajectoryState>('getTrajectoryState');

/** What a command update carries: the command itself; its `type` is the update's name. */
export type CommandPayload<T extends TrajectoryCommandType> = Omit<
  Extract<TrajectoryCommand, { type: T }>,
  'type'
>;

type CommandUpdates = {
  [T in TrajectoryCommandType]: ReturnType<typeof defineUpdate<TrajectoryView, [CommandPayload<T>]>>;
};

/**
 * One Temporal Update per command of domain.md §7.4, named after it, so the Web UI's history reads like the
 * lifecycle. Derived from the domain's command registry: a new command gets its Update without a line here.
 * Each has a validator: a command the state forbids is rejected before it enters history.
 */
export const trajectoryUpdates = Object.fromEntries(
  TRAJECTORY_COMMAND_TYPES.map((type) => [type, defineUpdate(type)]),
) as CommandUpdates;

/** The table's decision, sent by its case workflow to the trajectory (provisional ones too). */
export interface BreakthroughDecisionMessage {
  escalationId: string;
  decision: BreakthroughDecision;
}
export const breakthroughDecidedSignal = defineSignal<[BreakthroughDecisionMessage]>('breakthroughDecided');

/**
 * Wakes a trajectory so that a run begun under earlier rules moves to the current ones now, not only at its
 * next command or deadline (scripts/upgrade-rules.ts sends it to every running trajectory).
 */
export const upgradeRulesSignal = defineSignal('upgradeRules');

/** Breakthrough-table case workflow (domain.md §7.6): `breakthrough-<escalation id>`, a child of the trajectory. */
export interface BreakthroughCaseInput {
  docket: BreakthroughDocket;
  parentWorkflowId: string;
}
export const getBreakthroughCaseQuery = defineQuery<BreakthroughCaseState>('getBreakthroughCase');
export const assignBreakthroughCaseUpdate = defineUpdate<
  BreakthroughCaseState,
  [{ actor: { role: 'BREAKTHROUGH_TABLE'; ref: string }; chairRef: string; memberRefs?: string[] }]
>('assign');
export const recordBreakthroughDecisionUpdate = defineUpdate<
  BreakthroughCaseState,
  [{ decision: BreakthroughDecision }]
>('recordDecision');
/** The trajectory withdraws its table case (the provider started, or the trajectory closed). */
export const withdrawBreakthroughCaseSignal =
  defineSignal<[{ reason: 'PROVIDER_STARTED' | 'TRAJECTORY_CLOSED' }]>('withdraw');

import type { Duration } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ShapePayment, ShapeStep } from '../trajectory-shape';

/** Where a bare trajectory stands; carried across continue-as-new like the platform's TrajectoryState. */
export interface BareCarried {
  /** Steps applied so far (the index of the next one). */
  next: number;
  deadline: ShapeStep['deadline'];
  /** When the evaluation clock runs out (workflow time, ms). */
  evaluationDueAt?: number;
  /** An evaluation is due (its timer fired). */
  due: boolean;
}

/** What the bare workflow is started with: its own copy of the shape, so the bundle needs no bench code. */
export interface BareTrajectoryInput {
  trajectoryId: string;
  steps: readonly ShapeStep[];
  evaluationTimer: Duration;
  bookkeeping: { onStart: boolean; onTimer: boolean };
  activityKinds: { bookkeeping: 'local' | 'remote'; payment: 'local' | 'remote' };
  /**
   * The domain's minimum shape (issue 20) instead of the platform's: every command an Update in its own task,
   * payments as activities, one timer per pending deadline (kept while the kind of deadline stays), and nothing
   * else — no bookkeeping writes, no search-attribute upserts, no continue-as-new. What the design costs is
   * the platform's distance from this.
   */
  minimal?: boolean;
  carried?: BareCarried;
}

export interface BareCommand {
  command: string;
  /** The request body the platform validates, so payload sizes match. */
  payload: Record<string, unknown>;
}

export interface BareCommandResult {
  seq: number;
  status: string;
}

export interface BareTrajectoryResult {
  trajectoryId: string;
  commands: number;
  payments: ShapePayment[];
}

export interface BareTableCaseInput {
  parentWorkflowId: string;
  /** The minimal baseline's case writes nothing either. */
  minimal?: boolean;
}

/**
 * One update name for every command: the platform sends one update per command as well, and Temporal's
 * cost does not depend on the update's name.
 */
export const commandUpdate = defineUpdate<BareCommandResult, [BareCommand]>('command');
/** The live state, as GET /trajectories/:id asks the platform's workflow (getTrajectoryQuery). */
export const bareStateQuery = defineQuery<BareCarried & { closed: boolean }>('bareState');
/** The table's decision: an Update on the case (child) workflow, which signals it to the trajectory. */
export const tableDecisionUpdate = defineUpdate<BareCommandResult, [BareCommand]>('tableDecision');
export const bareTableCaseQuery = defineQuery<{ decided: boolean }>('bareTableCase');
export const tableDecidedSignal = defineSignal<[BareCommand]>('tableDecided');

export function bareTableCaseId(trajectoryId: string): string {
  return `${trajectoryId}-table`;
}

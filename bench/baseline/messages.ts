import type { Duration } from '@temporalio/common';
import { defineUpdate } from '@temporalio/workflow';
import type { ShapePayment, ShapeStep } from '../trajectory-shape';

/** What the bare workflow is started with: its own copy of the shape, so the bundle needs no bench code. */
export interface BareTrajectoryInput {
  trajectoryId: string;
  steps: readonly ShapeStep[];
  evaluationTimer: Duration;
  bookkeeping: { onStart: boolean; onTimer: boolean };
  activityKinds: { bookkeeping: 'local' | 'remote'; payment: 'local' | 'remote' };
}

export interface BareCommand {
  command: string;
  /** Stands in for the request body the platform validates; a few hundred bytes like a real command. */
  payload: Record<string, unknown>;
}

export interface BareCommandResult {
  seq: number;
  status: string;
}

export interface BareTrajectoryResult {
  trajectoryId: string;
  commands: number;
  timersFired: number;
  payments: ShapePayment[];
}

/**
 * One update name for every command: the platform sends one update per command as well, and Temporal's
 * cost does not depend on the update's name.
 */
export const commandUpdate = defineUpdate<BareCommandResult, [BareCommand]>('command');

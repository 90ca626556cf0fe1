import type { Client, WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import {
  getTrajectoryQuery,
  getTrajectoryStateQuery,
  initialSearchAttributes,
  CURRENT_HISTORY_VERSION,
  trajectoryUpdates,
  WORKFLOW_TYPES,
  type CommandPayload,
  type TrajectoryResult,
  type TrajectoryWorkflowInput,
} from '@app/contracts';
import type { TrajectoryCommandType, TrajectoryStart, TrajectoryState, TrajectoryView } from '@app/domain';
import { BreakthroughTableDriver } from './breakthrough-table-driver';
import { closedStatus } from './closed-status';
import { atRest, eventTypes } from './history-events';
import { settled } from './settled';
import { rejectionOf, type UpdateRejection } from './update-rejection';

/** Drives one trajectory workflow through its updates and queries, as the API does. */
export class TrajectoryDriver {
  private settles = false;

  private constructor(
    readonly client: Client,
    readonly handle: WorkflowHandle,
    readonly trajectoryId: string,
  ) {}

  /** Starts under the current history version, unless `shape` says otherwise (`{}`: version 1, as before issue 20). */
  static async start(
    client: Client,
    taskQueue: string,
    start: TrajectoryStart,
    shape: Omit<TrajectoryWorkflowInput, 'start' | 'carried'> = { historyVersion: CURRENT_HISTORY_VERSION },
  ): Promise<TrajectoryDriver> {
    const input: TrajectoryWorkflowInput = { start, ...shape };
    await client.workflow.start(WORKFLOW_TYPES.trajectory, {
      taskQueue,
      workflowId: start.trajectoryId,
      args: [input],
      typedSearchAttributes: initialSearchAttributes(start),
    });
    return TrajectoryDriver.attach(client, start.trajectoryId);
  }

  /** Addresses the workflow by id only, so calls follow it across continue-as-new. */
  static attach(client: Client, trajectoryId: string): TrajectoryDriver {
    return new TrajectoryDriver(client, client.workflow.getHandle(trajectoryId), trajectoryId);
  }

  async send<T extends TrajectoryCommandType>(type: T, payload: CommandPayload<T>): Promise<TrajectoryView> {
    const view = (await this.handle.executeUpdate(trajectoryUpdates[type] as never, {
      args: [payload] as never,
    })) as TrajectoryView;
    if (this.settles) await this.quietHistoryLength();
    return view;
  }

  /** From now on, `send` returns only once the command's effects have landed (`quietHistoryLength`). */
  settling(): this {
    this.settles = true;
    return this;
  }

  /** Sends a command that must be refused and returns the refusal (code, current status, violations). */
  rejection<T extends TrajectoryCommandType>(type: T, payload: CommandPayload<T>): Promise<UpdateRejection> {
    return rejectionOf(this.send(type, payload));
  }

  view(): Promise<TrajectoryView> {
    return this.handle.query(getTrajectoryQuery);
  }

  state(): Promise<TrajectoryState> {
    return this.handle.query(getTrajectoryStateQuery);
  }

  /** The view once `done` holds (timers and table decisions land asynchronously), or the last one seen. */
  until(done: (view: TrajectoryView) => boolean): Promise<TrajectoryView> {
    return settled(() => this.view(), done);
  }

  untilState(done: (state: TrajectoryState) => boolean): Promise<TrajectoryState> {
    return settled(() => this.state(), done);
  }

  /**
   * The result once the workflow has closed, read from its last history event. Not `handle.result()`: on
   * the time-skipping server that unlocks time skipping, and the server then skips to the next pending timer
   * of any workflow in the env, e.g. the ten-year execution timeout of an idle successor (infra.md §4b).
   */
  async closed(): Promise<TrajectoryResult> {
    await closedStatus(this.handle);
    const last = (await this.history()).pop();
    const payload = last?.workflowExecutionCompletedEventAttributes?.result?.payloads?.[0];
    if (!payload) throw new Error(`${this.trajectoryId} did not complete`);
    // History holds the payload as stored (encrypted): decoded with this client's codecs, last one first.
    let decoded = payload;
    for (const codec of [...this.client.workflow.options.loadedDataConverter.payloadCodecs].reverse()) {
      [decoded] = await codec.decode([decoded]);
    }
    return defaultPayloadConverter.fromPayload<TrajectoryResult>(decoded);
  }

  /** The breakthrough table's case for one of this trajectory's escalations. */
  table(escalationId: string): BreakthroughTableDriver {
    return new BreakthroughTableDriver(this.client, escalationId);
  }

  /** The table's case once its workflow has started (the trajectory starts it as a child, asynchronously). */
  async openTable(escalationId: string): Promise<BreakthroughTableDriver> {
    const table = this.table(escalationId);
    const state = await settled(
      () => table.state().catch(() => undefined),
      (s) => s !== undefined,
    );
    if (state === undefined) throw new Error(`the table case of ${escalationId} did not start`);
    return table;
  }

  async runId(): Promise<string> {
    return (await this.handle.describe()).runId;
  }

  /**
   * The run that continued `previousRunId` as new (an evaluation boundary), once it has started. Commands
   * and queries must wait for it: the Java test server loses a query or update that races the
   * continue-as-new (a real server retries it on the new run).
   */
  async nextRun(previousRunId: string): Promise<string> {
    const next = await settled(
      () => this.runId(),
      (id) => id !== previousRunId,
    );
    if (next === previousRunId) throw new Error(`run ${previousRunId} did not continue as new`);
    return next;
  }

  /** History of the current run (or of `runId`). */
  async history(runId?: string): Promise<temporal.api.history.v1.IHistoryEvent[]> {
    const handle = runId ? this.client.workflow.getHandle(this.trajectoryId, runId) : this.handle;
    return (await handle.fetchHistory()).events ?? [];
  }

  async historyLength(): Promise<number> {
    return (await this.history()).length;
  }

  /**
   * The current run's history length once nothing is in flight: its last workflow task completed and every
   * activity it scheduled closed (a command's effects, such as the initial payment, land after its update
   * has returned). Read from the history, never with a query, so it can be used where a query could race
   * the run's continue-as-new; the Java test server's describe does not report a pending workflow task.
   */
  async quietHistoryLength(): Promise<number> {
    const events = await settled(async () => eventTypes(await this.history()), atRest);
    if (!atRest(events)) throw new Error(`${this.trajectoryId} did not come to rest`);
    return events.length;
  }
}

import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { EncryptionCodec } from '@app/codec';
import { temporal } from '@temporalio/proto';
import { DataSource } from 'typeorm';
import { createActivities } from '@app/activities';
import {
  breakthroughWorkflowId,
  getTrajectoryStateQuery,
  SEARCH_ATTRIBUTE_DEFINITIONS,
} from '@app/contracts';
import { installTemporalRuntime } from '@app/platform';
import { openMigratedDatabase } from './database';
import { atRest, eventTypes } from './history-events';
import { dataConverterOf, testPayloadCodec } from './payload-codec';
import { settled } from './settled';
import { workflowBundlePath } from './workflow-bundle';

const INDEXED_TYPE: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

export interface WorkflowTestBed {
  env: TestWorkflowEnvironment;
  worker: Worker;
  db: DataSource;
  taskQueue: string;
  /** The worker runs in the background for the whole file; kept for specs written against `runUntil`. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Remembers a trajectory so that `cleanup` stops it and the workflows it started. */
  trackTrajectory(workflowId: string): void;
  /**
   * Terminates the tracked trajectories, their table cases and successors. Time is shared by every test
   * of a file: a trajectory left running would otherwise fire its timers during the next test's skips.
   */
  cleanup(): Promise<void>;
  /** Server time now (the time-skipping clock, not the wall clock). */
  now(): Promise<Date>;
  /** Skips server time to `marginMs` past `iso`, firing every timer on the way; no-op if already past. */
  sleepUntil(iso: string, marginMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Temporal's time-skipping test server (infra.md §4b: the Java server from Maven Central, passed in
 * TEMPORAL_TEST_SERVER by `npm test`) with the project's real workflows and real activities on the real
 * PostgreSQL. Months of workflow time pass in seconds. Client and worker encrypt payloads with `codec`, the
 * suite's test keys unless given (test/tools/record-histories.ts records with the histories' fixture key).
 */
export async function timeSkippingTestBed(
  taskQueue: string,
  codec: EncryptionCodec = testPayloadCodec(),
): Promise<WorkflowTestBed> {
  installTemporalRuntime('warn');
  const path = process.env.TEMPORAL_TEST_SERVER;
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    ...(path ? { server: { executable: { type: 'existing-path', path } } } : {}),
    client: { dataConverter: dataConverterOf(codec) },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTE_DEFINITIONS.map((d) => [d.name, INDEXED_TYPE[d.cliType]]),
    ),
  });
  return testBedOn(env, taskQueue, codec);
}

/**
 * The Temporal dev server that `npm test` starts (TEMPORAL_ADDRESS), for the few properties the Java test
 * server does not share with a real server (e.g. it writes a workflow task for every refused update).
 * No time skipping: its tests must not wait for timers.
 */
export async function devServerTestBed(taskQueue: string): Promise<WorkflowTestBed> {
  installTemporalRuntime('warn');
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set: run the tests with `npm test`');
  const codec = testPayloadCodec();
  const env = await TestWorkflowEnvironment.createFromExistingServer({
    address,
    client: { dataConverter: dataConverterOf(codec) },
  });
  return testBedOn(env, taskQueue, codec);
}

/**
 * Wall-clock bound on one skip. A skip takes milliseconds, or seconds while tasks run; it only takes
 * longer when the Java test server holds a time-skipping lock that nothing will release. It leaks one when
 * a workflow task's completion fails: a query arrived while the task that closes or continues the run was in
 * progress (a query that races a continue-as-new, see `TrajectoryDriver.nextRun`), or the run was terminated
 * while a task was in flight (cleanup waits for rest first). The sleep then waits out months in real time:
 * fail at once and say why, instead of at the test's timeout with the next file's sleeps stalled as well.
 */
const SKIP_STALL_MS = 45_000;

/** How long cleanup waits for a workflow's task in flight to finish before it queries and terminates anyway. */
const CLEANUP_REST_MS = 10_000;

async function skipped(sleep: Promise<void>, target: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `time skipping stalled: server time did not reach ${target} within ${SKIP_STALL_MS / 1000} s of wall ` +
              'time. The Java test server holds a time-skipping lock; the usual causes are a query sent while ' +
              'a run was continuing as new or closing (wait for it with nextRun or closed first), and a ' +
              'termination that beat a task in flight (the worker logs "Task not found when completing").',
          ),
        ),
      SKIP_STALL_MS,
    );
  });
  // The abandoned sleep settles (or not) after the failure; its outcome no longer matters.
  sleep.catch(() => undefined);
  try {
    await Promise.race([sleep, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

async function testBedOn(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  codec: EncryptionCodec,
): Promise<WorkflowTestBed> {
  const db = await openMigratedDatabase();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: dataConverterOf(codec),
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: { codePath: await workflowBundlePath() },
    activities: createActivities({ dataSource: db }),
  });
  const running = worker.run();
  const trajectories = new Set<string>();

  /**
   * The handle once its run is closed or at rest (`atRest`), within `CLEANUP_REST_MS`. Cleanup queries and
   * terminates: a query buffered in, or a termination that beats, a task in flight leaks the Java test
   * server's time-skipping lock, and the next test's sleeps then stall (its "Completed workflow" warning).
   */
  async function rested(id: string): Promise<WorkflowHandle> {
    const handle = env.client.workflow.getHandle(id);
    await settled(
      async () => {
        const { status } = await handle.describe();
        return status.name !== 'RUNNING' || atRest(eventTypes((await handle.fetchHistory()).events ?? []));
      },
      (done) => done,
      CLEANUP_REST_MS,
    ).catch(() => undefined);
    return handle;
  }

  async function cleanup(): Promise<void> {
    const ids = new Set<string>();
    for (const id of trajectories) {
      ids.add(id);
      const state = await (await rested(id)).query(getTrajectoryStateQuery).catch(() => undefined);
      for (const e of state?.escalations ?? []) ids.add(breakthroughWorkflowId(e.id));
      if (state?.successorTrajectoryId) ids.add(state.successorTrajectoryId);
    }
    trajectories.clear();
    // Closed workflows refuse termination; that is the expected answer for most of them.
    await Promise.all(
      [...ids].map(async (id) => (await rested(id)).terminate('test finished').catch(() => undefined)),
    );
  }

  return {
    env,
    worker,
    db,
    taskQueue,
    run: (fn) => fn(),
    trackTrajectory: (id) => void trajectories.add(id),
    cleanup,
    now: async () => new Date(await env.currentTimeMs()),
    async sleepUntil(iso, marginMs = 60_000) {
      const wait = Date.parse(iso) + marginMs - (await env.currentTimeMs());
      if (wait > 0) await skipped(env.sleep(wait), iso);
    },
    async close() {
      await cleanup().catch(() => undefined);
      worker.shutdown();
      await running;
      await db.destroy();
      await env.teardown();
    },
  };
}

import type { Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { LatencyRecorder } from '../harness/latency';
import { commandBody, MUNICIPALITY, type TrajectoryContext } from '../platform/requests';
import {
  ACTIVITY_KINDS,
  BOOKKEEPING,
  EVALUATION_TIMER,
  POLL_MS,
  SHAPES,
  variantFor,
} from '../trajectory-shape';
import {
  bareStateQuery,
  bareTableCaseQuery,
  bareTableCaseId,
  commandUpdate,
  tableDecisionUpdate,
  type BareTrajectoryInput,
} from './messages';
import type { bareTrajectoryWorkflow } from './workflow';

/** How often the API re-reads the trajectory after a table decision (escalations.controller.ts). */
const TABLE_POLL_MS = 100;
const POLL_LIMIT_MS = 120_000;

/**
 * One bare trajectory, driven straight through @temporalio/client the way the platform driver drives the
 * API: start, one update per shape step in order (each returns once the workflow has applied it), polling
 * the state query every POLL_MS until an evaluation is due, the table's decision as an update on the case
 * workflow followed by polling the trajectory until it shows (as the API's decision route does), and at the
 * end the result. Latencies are recorded per operation, named like the platform's.
 */
export async function runBareTrajectory(
  client: Client,
  taskQueue: string,
  runTag: string,
  index: number,
  latency: LatencyRecorder,
  minimal = false,
): Promise<void> {
  const variant = variantFor(index);
  const steps = SHAPES[variant];
  const caseReference = `BENCH-${runTag}-${index}`;
  const ctx: TrajectoryContext = {
    index,
    variant,
    municipalityCode: MUNICIPALITY,
    caseReference,
    planVersion: 1,
    signatures: 0,
    evaluations: 0,
  };
  const input: BareTrajectoryInput = {
    trajectoryId: `${minimal ? 'minimal' : 'bare'}-${MUNICIPALITY}-${caseReference}`,
    steps,
    evaluationTimer: EVALUATION_TIMER,
    bookkeeping: BOOKKEEPING,
    activityKinds: ACTIVITY_KINDS,
    ...(minimal ? { minimal } : {}),
  };
  const began = performance.now();
  const handle = await latency.time('start', () =>
    client.workflow.start<typeof bareTrajectoryWorkflow>('bareTrajectoryWorkflow', {
      taskQueue,
      workflowId: input.trajectoryId,
      args: [input],
    }),
  );
  // Queries and updates go to the latest run: the workflow continues as new after each evaluation.
  const latest = client.workflow.getHandle(input.trajectoryId);
  const state = () => latest.query(bareStateQuery);
  const tableCase = client.workflow.getHandle(bareTableCaseId(input.trajectoryId));
  for (const [i, step] of steps.entries()) {
    if (step.afterTimer) await poll(state, (s) => s.due, POLL_MS);
    // The table opens its case (the child the trajectory starts after escalate returned) first.
    if (step.onChild)
      await poll(
        () =>
          tableCase.query(bareTableCaseQuery).then(
            () => true,
            () => false,
          ),
        Boolean,
        POLL_MS,
      );
    if (step.command === 'recordEvaluation') ctx.evaluations++;
    const payload = (commandBody(step.command, ctx) ?? {}) as Record<string, unknown>;
    await latency.time(`update ${step.command}`, async () => {
      if (!step.onChild) {
        await latest.executeUpdate(commandUpdate, { args: [{ command: step.command, payload }] });
        return;
      }
      await tableCase.executeUpdate(tableDecisionUpdate, { args: [{ command: step.command, payload }] });
      await poll(state, (s) => s.next > i, TABLE_POLL_MS);
    });
    if (step.command === 'signPlan') ctx.signatures++;
  }
  await latency.time('result', () => handle.result());
  latency.record(`trajectory (${variant})`, performance.now() - began);
}

async function poll<T>(read: () => Promise<T>, until: (value: T) => boolean, everyMs: number): Promise<T> {
  const deadline = Date.now() + POLL_LIMIT_MS;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${POLL_LIMIT_MS} ms`);
    await sleep(everyMs);
  }
}

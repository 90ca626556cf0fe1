import type { Client } from '@temporalio/client';
import { performance } from 'node:perf_hooks';
import type { LatencyRecorder } from '../harness/latency';
import { commandBody, MUNICIPALITY, type TrajectoryContext } from '../platform/requests';
import { ACTIVITY_KINDS, BOOKKEEPING, EVALUATION_TIMER, SHAPES, variantFor } from '../trajectory-shape';
import { commandUpdate, type BareTrajectoryInput } from './messages';
import type { bareTrajectoryWorkflow } from './workflow';

/**
 * One bare trajectory, driven straight through @temporalio/client: start, one update per shape step in
 * order (each returns once the workflow has handled it, like the API's synchronous commands), then the
 * result (the final payment is done). Latencies are recorded per operation, named like the platform's.
 */
export async function runBareTrajectory(
  client: Client,
  taskQueue: string,
  runTag: string,
  index: number,
  latency: LatencyRecorder,
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
    trajectoryId: `bare-${MUNICIPALITY}-${caseReference}`,
    steps,
    evaluationTimer: EVALUATION_TIMER,
    bookkeeping: BOOKKEEPING,
    activityKinds: ACTIVITY_KINDS,
  };
  const began = performance.now();
  const handle = await latency.time('start', () =>
    client.workflow.start<typeof bareTrajectoryWorkflow>('bareTrajectoryWorkflow', {
      taskQueue,
      workflowId: input.trajectoryId,
      args: [input],
    }),
  );
  for (const step of steps) {
    if (step.command === 'recordEvaluation') ctx.evaluations++;
    const payload = commandBody(step.command, ctx) as Record<string, unknown>;
    await latency.time(`update ${step.command}`, () =>
      handle.executeUpdate(commandUpdate, { args: [{ command: step.command, payload }] }),
    );
    if (step.command === 'signPlan') ctx.signatures++;
  }
  await latency.time('result', () => handle.result());
  latency.record(`trajectory (${variant})`, performance.now() - began);
}

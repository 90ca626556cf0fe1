import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { ShapePayment } from '../trajectory-shape';
import type { BareActivities } from './activities';
import {
  commandUpdate,
  type BareCommand,
  type BareCommandResult,
  type BareTrajectoryInput,
  type BareTrajectoryResult,
} from './messages';

// Same timeouts as the platform's bookkeeping proxy, so retries and heartbeats never differ.
const local = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });
const remote = proxyActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The bare lifecycle: the same updates, timers and activities as the platform path (bench/trajectory-shape.ts),
 * without NestJS, PostgreSQL or HTTP. What it measures is Temporal's own cost for that shape, the floor the
 * platform is compared against.
 */
export async function bareTrajectoryWorkflow(input: BareTrajectoryInput): Promise<BareTrajectoryResult> {
  const { trajectoryId, steps } = input;
  const bookkeeping = input.activityKinds.bookkeeping === 'local' ? local : remote;
  const payments = input.activityKinds.payment === 'local' ? local : remote;
  let next = 0;
  let armed = 0;
  let fired = 0;
  let consumed = 0;
  let closed = false;
  const paid: ShapePayment[] = [];

  const record = (seq: number, status: string) =>
    bookkeeping.recordTransition({ trajectoryId, seq, row: readModelRow(trajectoryId, seq, status) });

  setHandler(
    commandUpdate,
    async ({ command }: BareCommand): Promise<BareCommandResult> => {
      // Claim the step before the first await, so a concurrent update can never take the same one.
      const index = next++;
      const step = steps[index];
      if (step.afterTimer) {
        // An evaluation is accepted once it is due; the client's update call waits for that.
        await condition(() => fired > consumed);
        consumed++;
      }
      await record(index + 1, command);
      if (step.payment) {
        await payments.issuePayment({ trajectoryId, tranche: step.payment, amountCents: 125_000 });
        paid.push(step.payment);
      }
      if (step.armsTimer) armed++;
      if (step.closes) closed = true;
      return { seq: index + 1, status: closed ? 'CLOSED' : command };
    },
    {
      // Out-of-order commands are rejected before they reach the history, like the platform's 409s.
      validator: ({ command }: BareCommand) => {
        const expected = steps[next]?.command;
        if (command !== expected) {
          throw ApplicationFailure.nonRetryable(`expected ${expected ?? 'nothing'}, got ${command}`);
        }
      },
    },
  );

  if (input.bookkeeping.onStart) await record(0, 'STARTED');
  while (!closed) {
    await condition(() => closed || armed > fired);
    if (closed) break;
    await sleep(input.evaluationTimer);
    // Seqs of timer transitions sit after the commands' range, so they can never collide with them.
    if (input.bookkeeping.onTimer) await record(1000 + fired, 'EVALUATION_DUE');
    fired++;
  }
  await condition(allHandlersFinished);
  return { trajectoryId: workflowInfo().workflowId, commands: next, timersFired: fired, payments: paid };
}

/** A read-model row of the platform's size (libs/contracts/src/bookkeeping.ts TrajectoryRow). */
function readModelRow(trajectoryId: string, seq: number, status: string): Record<string, unknown> {
  return {
    trajectoryId,
    seq,
    municipalityCode: 'GM0405',
    status,
    domain: 'JEUGD',
    segment: 'B',
    complexity: 'LOW',
    providerId: 'PRV-001',
    escalated: false,
    evaluationOverdue: false,
    summary: { rounds: 1, arrangement: 'JGD-B-STD-01' },
  };
}

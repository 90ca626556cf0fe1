import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType, type Duration } from '@temporalio/common';
import type { ShapePayment, ShapeStep } from '../trajectory-shape';
import { DeadlineTimer } from '../../workflows/deadline-timer';
import type { BareActivities } from './activities';
import {
  bareStateQuery,
  bareTableCaseQuery,
  bareTableCaseId,
  commandUpdate,
  tableDecidedSignal,
  tableDecisionUpdate,
  type BareCarried,
  type BareCommand,
  type BareCommandResult,
  type BareTableCaseInput,
  type BareTrajectoryInput,
  type BareTrajectoryResult,
} from './messages';

// Same timeouts as the platform's proxies (workflows/trajectory-effects.ts).
const local = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '30 seconds' });
const remote = proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

/** Registered on the dev server by scripts/lib/services.mjs, like the platform's. */
const STATUS = defineSearchAttributeKey('TrajectoryStatus', SearchAttributeType.KEYWORD);
/** A deadline months ahead (approval, provider start, table case, evaluation grace): never fires here. */
const LONG_DEADLINE_MS = 30 * 86_400_000;

interface Effect {
  seq: number;
  status: string;
  step?: ShapeStep;
}

/**
 * The bare lifecycle, built like trajectoryWorkflow without its domain: each command is an Update applied
 * synchronously in its handler (search attributes upserted there), the effects run afterwards in the main
 * loop (one local bookkeeping write per batch, a second one for a care decision, payments as regular
 * activities, the table case as a child workflow), the workflow waits with ONE timer for the current
 * deadline (cancelled and re-armed by every command), and continues as new after each evaluation. What it
 * measures is Temporal's own cost for the platform's shape (bench/trajectory-shape.ts), the floor.
 */
export async function bareTrajectoryWorkflow(input: BareTrajectoryInput): Promise<BareTrajectoryResult> {
  const { trajectoryId, steps } = input;
  const bookkeeping = input.activityKinds.bookkeeping === 'local' ? local : remote;
  const payments = input.activityKinds.payment === 'local' ? local : remote;
  const s: BareCarried = input.carried ?? { next: 0, deadline: 'none', due: false };
  let closed = false;
  let boundary = false;
  const pending: Effect[] = [];
  const paid: ShapePayment[] = [];

  const apply = (expected: 'trajectory' | 'table', { command }: BareCommand): BareCommandResult => {
    const index = s.next;
    const step = steps[index];
    if (step?.command !== command || (expected === 'table') !== (step.onChild === true)) {
      throw ApplicationFailure.nonRetryable(`expected ${step?.command ?? 'nothing'}, got ${command}`);
    }
    s.next++;
    if (step.afterTimer) s.due = false;
    if (step.armsTimer) s.evaluationDueAt = Date.now() + durationMs(input.evaluationTimer);
    s.deadline = step.deadline;
    if (step.closes) closed = true;
    if (step.continuesAsNew) boundary = true;
    if (step.searchAttributes && !input.minimal) upsertSearchAttributes([{ key: STATUS, value: command }]);
    pending.push({ seq: index + 1, status: command, step });
    return { seq: index + 1, status: closed ? 'CLOSED' : command };
  };

  setHandler(bareStateQuery, () => ({ ...s, closed }));
  setHandler(tableDecidedSignal, (message) => void apply('table', message));
  setHandler(commandUpdate, (message) => apply('trajectory', message), {
    // Out-of-order commands are rejected before they reach the history, like the platform's 409s; an
    // evaluation only once it is due.
    validator: ({ command }: BareCommand) => {
      const step = steps[s.next];
      if (step?.command !== command || step.onChild || (step.afterTimer && !s.due)) {
        throw ApplicationFailure.nonRetryable(`expected ${step?.command ?? 'nothing'}, got ${command}`);
      }
    },
  });

  if (!input.carried && !input.minimal) {
    upsertSearchAttributes([{ key: STATUS, value: 'INTAKE' }]);
    if (input.bookkeeping.onStart) pending.push({ seq: 0, status: 'STARTED' });
  }
  // The minimal shape's one timer: kept while the kind of deadline (and its instant) stays.
  const timer = new DeadlineTimer();
  let longDeadlineAt = 0;
  for (;;) {
    if (pending.length > 0) {
      const effects = pending.splice(0, pending.length);
      // The minimal shape writes no bookkeeping: only the payments and the table case remain.
      if (!input.minimal)
        await bookkeeping.recordTransition({
          trajectoryId,
          seq: effects[effects.length - 1].seq,
          row: readModelRow(
            trajectoryId,
            effects[effects.length - 1].seq,
            effects.map((e) => e.status).join(','),
          ),
        });
      for (const { step, seq } of effects) {
        if (step?.decision && !input.minimal)
          await bookkeeping.recordTransition({
            trajectoryId,
            seq,
            row: readModelRow(trajectoryId, seq, 'DECISION'),
          });
        if (step?.payment) {
          await payments.issuePayment({ trajectoryId, tranche: step.payment, amountCents: 125_000 });
          paid.push(step.payment);
        }
        if (step?.startsChild) await startTableCase(trajectoryId, input.minimal);
      }
      continue;
    }
    if (closed) break;
    if (boundary) {
      await condition(allHandlersFinished);
      if (pending.length === 0) {
        return continueAsNew<typeof bareTrajectoryWorkflow>({ ...input, carried: { ...s } });
      }
      continue;
    }
    if (input.minimal) {
      // A deadline months ahead (or an evaluation's grace) is armed once and kept while the wait lasts.
      const waitsLong = s.deadline === 'long' || (s.deadline === 'evaluation' && s.due);
      if (!waitsLong) longDeadlineAt = 0;
      else if (longDeadlineAt === 0) longDeadlineAt = Date.now() + LONG_DEADLINE_MS;
      const at =
        s.deadline === 'none' ? undefined : waitsLong ? longDeadlineAt : (s.evaluationDueAt ?? Date.now());
      timer.arm(at === undefined ? undefined : { deadline: new Date(at).toISOString(), floorMs: 0 });
      await condition(() => pending.length > 0 || timer.fired);
      if (!timer.takeFired()) continue;
      if (s.deadline === 'evaluation' && !s.due) s.due = true;
      continue;
    }
    const timeout =
      s.deadline === 'none'
        ? undefined
        : s.deadline === 'evaluation' && !s.due
          ? Math.max((s.evaluationDueAt ?? Date.now()) - Date.now(), 1)
          : LONG_DEADLINE_MS;
    const woke =
      timeout === undefined
        ? await condition(() => pending.length > 0).then(() => true)
        : await condition(() => pending.length > 0, timeout);
    if (woke) continue;
    if (s.deadline === 'evaluation' && !s.due) {
      // Seqs of timer transitions sit after the commands' range, so they can never collide with them.
      s.due = true;
      if (input.bookkeeping.onTimer) pending.push({ seq: 1000 + s.next, status: 'EVALUATION_DUE' });
    }
  }
  await condition(allHandlersFinished);
  return { trajectoryId: workflowInfo().workflowId, commands: s.next, payments: paid };
}

/** The table's case as a child that outlives the trajectory's run, as the platform starts it. */
async function startTableCase(trajectoryId: string, minimal?: boolean): Promise<void> {
  await startChild(bareTableCaseWorkflow, {
    workflowId: bareTableCaseId(trajectoryId),
    args: [{ parentWorkflowId: workflowInfo().workflowId, minimal }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}

/**
 * The table's case, like breakthroughCaseWorkflow: waits (with its deadline timer) for the decision Update,
 * writes it, signals it to the trajectory and completes.
 */
export async function bareTableCaseWorkflow(input: BareTableCaseInput): Promise<void> {
  let decision: BareCommand | undefined;
  setHandler(bareTableCaseQuery, () => ({ decided: decision !== undefined }));
  setHandler(
    tableDecisionUpdate,
    (message: BareCommand) => {
      decision = message;
      return { seq: 1, status: 'DECIDED' };
    },
    {
      validator: (_message: BareCommand) => {
        if (decision) throw ApplicationFailure.nonRetryable('already decided');
      },
    },
  );
  await condition(() => decision !== undefined, LONG_DEADLINE_MS);
  if (!decision) return;
  if (!input.minimal)
    await local.recordTransition({
      trajectoryId: input.parentWorkflowId,
      seq: 1,
      row: readModelRow(input.parentWorkflowId, 1, 'TABLE_DECIDED'),
    });
  await getExternalWorkflowHandle(input.parentWorkflowId).signal(tableDecidedSignal, decision);
  await condition(allHandlersFinished);
}

function durationMs(duration: Duration): number {
  if (typeof duration === 'number') return duration;
  const match = /^(\d+)\s*(ms|milliseconds?|s|seconds?|m|minutes?)$/.exec(String(duration).trim());
  if (!match) throw ApplicationFailure.nonRetryable(`unsupported duration ${String(duration)}`);
  const unit = match[2];
  return (
    Number(match[1]) *
    (unit.startsWith('ms') || unit.startsWith('milli') ? 1 : unit.startsWith('s') ? 1000 : 60_000)
  );
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
    summary: { rounds: 1, arrangement: 'WF-J-B-OPV-M' },
  };
}

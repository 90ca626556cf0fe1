import {
  ActivityFailure,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import {
  breakthroughWorkflowId,
  initialSearchAttributes,
  newTrajectoryInput,
  withdrawBreakthroughCaseSignal,
  type HistoryVersion,
  type TrajectoryResult,
  type TrajectoryWorkflowInput,
} from '@app/contracts';
import type { TrajectoryEffect, TrajectoryState, TrajectoryView } from '@app/domain';
import type { TrajectoryActivities } from '@app/contracts';
import { bookkeepingFor } from './read-model';
import { bookkeeping } from './bookkeeping-proxy';
import { dataRejection, isActivityFailure } from './incidents';

/**
 * Money goes through regular activities: each tranche is an event in history with its idempotency key,
 * retried until the database answers (never given up on), refused rules fail without retry. One ledger
 * write is one short transaction; the start-to-close timeout is also how long a payment waits after its
 * worker died mid-attempt (test/payments-crash.test.ts) before it is retried elsewhere, so keep it short.
 */
const ledger = proxyActivities<TrajectoryActivities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    backoffCoefficient: 2,
    nonRetryableErrorTypes: ['INVALID_INPUT', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION'],
  },
});

type ChildStarter = (input: TrajectoryWorkflowInput) => Promise<TrajectoryResult>;

/** How a successor trajectory is started: the workflow, and the history version it inherits. */
export interface SuccessorStarter {
  workflow: ChildStarter;
  historyVersion: HistoryVersion;
}

/** How far a batch of effects got: a step that opened an incident resumes here, without redoing the ones before. */
export interface EffectProgress {
  done: number;
  /** The step running now, for the incident (a local activity's failure does not name its activity). */
  step?: string;
}

/**
 * Executes the effects of the pure lifecycle core, in order: the audit trail, read model and outbox in one
 * write, then decisions, payments and the workflows to start or stop. `progress` counts the steps done, so a
 * batch interrupted by an incident (workflows/incidents.ts) continues with the failed step, not from the start
 * (a table case or successor must not be started twice).
 */
export async function runEffects(
  state: TrajectoryState,
  view: TrajectoryView,
  effects: TrajectoryEffect[],
  successor: SuccessorStarter,
  progress: EffectProgress = { done: 0 },
): Promise<void> {
  const steps: Array<[string, () => Promise<void>]> = [
    ['recordTransition', () => bookkeeping.recordTransition(bookkeepingFor(state, view, effects))],
    ...effects.map((effect): [string, () => Promise<void>] => [
      effect.kind,
      () => runEffect(state, effect, successor),
    ]),
  ];
  while (progress.done < steps.length) {
    const [name, step] = steps[progress.done];
    progress.step = name;
    await step();
    progress.done += 1;
  }
}

async function runEffect(
  state: TrajectoryState,
  effect: TrajectoryEffect,
  successor: SuccessorStarter,
): Promise<void> {
  switch (effect.kind) {
    case 'ISSUE_DECISION': {
      const d = effect.decision;
      await refusalLogged(effect.assignment.idempotencyKey, () =>
        bookkeeping.recordCareDecision({
          trajectoryId: effect.trajectoryId,
          version: d.version,
          decisionNumber: `${effect.trajectoryId}:${d.version}`,
          cause: d.cause,
          decisionDate: d.decisionDate,
          validFrom: d.validFrom,
          validTo: d.validTo,
          arrangementCode: d.arrangement.code,
          tariffCents: d.arrangement.tariffCents,
          pricingBasis: d.arrangement.pricingBasis,
          paymentPolicy: d.paymentPolicy,
          totalBudgetCents: d.totalBudgetCents,
          providerId: d.providerId,
          municipalityCode: state.municipalityCode,
          provisional: d.provisional,
          amendsVersion: d.amendsVersion ?? null,
        }),
      );
      break;
    }
    case 'PAYMENT':
    case 'CANCEL_PAYMENT':
    case 'WITHHOLD_PAYMENT':
      await pay(state, effect);
      break;
    case 'START_BREAKTHROUGH':
      await startChild('breakthroughCaseWorkflow', {
        workflowId: breakthroughWorkflowId(effect.docket.escalationId),
        args: [{ docket: effect.docket, parentWorkflowId: state.trajectoryId }],
        // The case outlives a continue-as-new of its trajectory; the trajectory withdraws it explicitly.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      break;
    case 'WITHDRAW_BREAKTHROUGH':
      await getExternalWorkflowHandle(breakthroughWorkflowId(effect.escalationId))
        .signal(withdrawBreakthroughCaseSignal, { reason: effect.reason })
        .catch((error: unknown) => log.warn('table case already closed', { error: String(error) }));
      break;
    case 'START_SUCCESSOR':
      await startSuccessor(effect.start, successor);
      break;
    default:
      // AUDIT, NOTIFY and CLOSED are in the bookkeeping write above.
      break;
  }
}

async function pay(
  state: TrajectoryState,
  effect: Extract<TrajectoryEffect, { kind: 'PAYMENT' | 'CANCEL_PAYMENT' | 'WITHHOLD_PAYMENT' }>,
): Promise<void> {
  const providerId =
    state.decisions[state.decisions.length - 1]?.providerId ?? state.leadProviderId ?? 'UNKNOWN';
  const common = { trajectoryId: state.trajectoryId, municipalityCode: state.municipalityCode, providerId };
  await refusalLogged(effect.idempotencyKey, async () => {
    if (effect.kind === 'CANCEL_PAYMENT') {
      await ledger.issuePayment({
        ...common,
        idempotencyKey: effect.idempotencyKey,
        kind: effect.trancheKind,
        amountCents: 0,
        basis: effect.explanation,
        decisionVersion: effect.decisionVersion,
        dueDate: state.updatedAt,
        status: 'CANCELLED',
        statusReason: effect.reason,
      });
      return;
    }
    const t = effect.tranche;
    await ledger.issuePayment({
      ...common,
      idempotencyKey: effect.idempotencyKey,
      kind: t.kind,
      amountCents: t.amountCents,
      basis: t.basis,
      decisionVersion: t.decisionVersion,
      period: t.period,
      dueDate: effect.kind === 'PAYMENT' ? effect.dueAt : state.updatedAt,
    });
    if (effect.kind === 'WITHHOLD_PAYMENT') {
      await ledger.withholdPayment({
        trajectoryId: state.trajectoryId,
        idempotencyKey: effect.idempotencyKey,
        reason: effect.reasonRef,
        actor: effect.withheldByRef,
      });
    }
  });
}

/**
 * A ledger that refuses a record (its rules, not an outage: outages are retried) is a finance matter, not a
 * reason to stop the trajectory: the refusal is logged with its key and reconciliation reports the gap. A
 * write the database refused on its data is not a rule: it goes up and opens an incident.
 */
async function refusalLogged(key: string, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isActivityFailure(error) || dataRejection(error, key) !== undefined) throw error;
    const failure = error instanceof ActivityFailure ? (error.cause ?? error) : (error as Error);
    log.error('ledger refused a record', { key, error: failure.message });
  }
}

async function startSuccessor(
  start: TrajectoryWorkflowInput['start'],
  { workflow, historyVersion }: SuccessorStarter,
): Promise<void> {
  try {
    await startChild(workflow, {
      workflowId: start.trajectoryId,
      args: [newTrajectoryInput(start, historyVersion)],
      // The successor is a trajectory of its own: it lives on after this one closes.
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: initialSearchAttributes(start),
    });
  } catch (error) {
    // The case system may have opened the successor itself already: then there is nothing to start.
    if (!(error instanceof Error) || error.name !== 'WorkflowExecutionAlreadyStartedError') throw error;
    log.info('successor trajectory already exists', { successor: start.trajectoryId });
  }
}

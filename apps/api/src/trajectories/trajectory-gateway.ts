import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ApplicationFailure,
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { AppConfig } from '@app/config';
import {
  assignBreakthroughCaseUpdate,
  breakthroughWorkflowId,
  getBreakthroughCaseQuery,
  getTrajectoryQuery,
  recordBreakthroughDecisionUpdate,
  getTrajectoryStateQuery,
  initialSearchAttributes,
  newTrajectoryInput,
  trajectoryUpdates,
  WORKFLOW_TYPES,
  type CommandPayload,
  type TrajectoryWorkflowInput,
} from '@app/contracts';
import type { BreakthroughCaseState, BreakthroughDecision } from '@app/domain';
import type {
  TrajectoryCommandType,
  TrajectoryStart,
  TrajectoryState,
  TrajectoryView,
  TransitionRejectedDetails,
} from '@app/domain';
import { APP_CONFIG } from '@app/platform';
import { ApiException, notFound } from '../common/domain-errors';
import { MetricsService } from '../metrics/metrics.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { InFlightTemporalCalls } from '../temporal/in-flight-calls';
import { InFlightCommands } from './in-flight-commands';

/**
 * How long one call to Temporal may take before the caller gets 503 (retry later; commands are idempotent).
 * Without it the client keeps retrying an unreachable server for a long time.
 */
const CALL_DEADLINE_MS = 15_000;

export interface StartResult {
  trajectoryId: string;
  runId: string;
  created: boolean;
}

/**
 * The API's only door to trajectory workflows: start, query, and commands as Temporal Updates. Workflow
 * outcomes become HTTP semantics here, once: a validator's INVALID_TRANSITION is 409 with the current state
 * and the allowed actions, DOMAIN_RULE_VIOLATION is 422 with field errors, an unknown id is 404.
 */
@Injectable()
export class TrajectoryGateway {
  private readonly inFlight = new InFlightCommands();

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly temporalCalls: InFlightTemporalCalls,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  /** Idempotent: Temporal refuses a second execution with the business id, so the first one is returned. */
  async start(start: TrajectoryStart): Promise<StartResult> {
    // Received now: the trajectory is created at this instant, so every search attribute is known at the start.
    const input: TrajectoryWorkflowInput = newTrajectoryInput({
      ...start,
      receivedAt: start.receivedAt ?? new Date().toISOString(),
    });
    try {
      const handle = await this.within(() =>
        this.client.workflow.start(WORKFLOW_TYPES.trajectory, {
          taskQueue: this.config.temporal.taskQueue,
          workflowId: start.trajectoryId,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: initialSearchAttributes(input.start),
        }),
      );
      this.metrics.workflowStarts.inc({ outcome: 'created' });
      return { trajectoryId: start.trajectoryId, runId: handle.firstExecutionRunId, created: true };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const description = await this.client.workflow.getHandle(start.trajectoryId).describe();
      this.metrics.workflowStarts.inc({ outcome: 'existing' });
      return { trajectoryId: start.trajectoryId, runId: description.runId, created: false };
    }
  }

  async view(trajectoryId: string): Promise<TrajectoryView> {
    return this.found(trajectoryId, () =>
      this.client.workflow.getHandle(trajectoryId).query(getTrajectoryQuery),
    );
  }

  async state(trajectoryId: string): Promise<TrajectoryState> {
    return this.found(trajectoryId, () =>
      this.client.workflow.getHandle(trajectoryId).query(getTrajectoryStateQuery),
    );
  }

  /**
   * Sends one command. `idempotencyKey` becomes the Update id (Temporal answers a repeated id with the first
   * result) and the command id (the workflow ignores a command it has seen, across continue-as-new too).
   */
  async command<T extends TrajectoryCommandType>(
    trajectoryId: string,
    type: T,
    payload: CommandPayload<T>,
    idempotencyKey?: string,
  ): Promise<TrajectoryView> {
    const handle = this.client.workflow.getHandle(trajectoryId);
    const body = idempotencyKey ? { ...payload, commandId: idempotencyKey } : payload;
    return this.inFlight.run(trajectoryId, async () => {
      try {
        return await this.within(() =>
          handle.executeUpdate(trajectoryUpdates[type] as never, {
            args: [body] as never,
            ...(idempotencyKey ? { updateId: `${type}:${idempotencyKey}` } : {}),
          }),
        );
      } catch (error) {
        throw await this.commandError(trajectoryId, type, error);
      }
    });
  }

  /** The breakthrough table's case (child workflow `breakthrough-<escalation id>`). */
  async tableCase(escalationId: string): Promise<BreakthroughCaseState> {
    const id = breakthroughWorkflowId(escalationId);
    return this.found(
      id,
      () => this.client.workflow.getHandle(id).query(getBreakthroughCaseQuery),
      'escalation',
    );
  }

  async assignTableCase(escalationId: string, actorRef: string, chairRef: string, memberRefs?: string[]) {
    const id = breakthroughWorkflowId(escalationId);
    try {
      return await this.within(() =>
        this.client.workflow.getHandle(id).executeUpdate(assignBreakthroughCaseUpdate, {
          args: [{ actor: { role: 'BREAKTHROUGH_TABLE', ref: actorRef }, chairRef, memberRefs }],
        }),
      );
    } catch (error) {
      throw await this.commandError(id, 'assign', error, 'escalation');
    }
  }

  async recordTableDecision(escalationId: string, decision: BreakthroughDecision, idempotencyKey?: string) {
    const id = breakthroughWorkflowId(escalationId);
    try {
      return await this.within(() =>
        this.client.workflow.getHandle(id).executeUpdate(recordBreakthroughDecisionUpdate, {
          args: [{ decision }],
          ...(idempotencyKey ? { updateId: `recordDecision:${idempotencyKey}` } : {}),
        }),
      );
    } catch (error) {
      throw await this.commandError(id, 'recordDecision', error, 'escalation');
    }
  }

  private async commandError(
    trajectoryId: string,
    type: string,
    error: unknown,
    what = 'trajectory',
  ): Promise<unknown> {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = error.cause.type ?? 'UNKNOWN';
      this.metrics.updatesRejected.inc({ action: type, code });
      const details = (error.cause.details?.[0] ?? {}) as Partial<TransitionRejectedDetails>;
      if (code === 'INVALID_TRANSITION') {
        return new ApiException(HttpStatus.CONFLICT, 'INVALID_TRANSITION', error.cause.message, {
          currentStatus: details.currentStatus,
          allowedActions: details.allowedActions ?? [],
          errors: details.violations,
        });
      }
      if (code === 'DOMAIN_RULE_VIOLATION') {
        return new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'DOMAIN_RULE_VIOLATION',
          error.cause.message,
          {
            currentStatus: details.currentStatus,
            errors: details.violations,
          },
        );
      }
    }
    if (error instanceof WorkflowNotFoundError) {
      // A closed trajectory accepts no more commands: that is a conflict with its state, not an unknown id.
      const closed = await this.client.workflow
        .getHandle(trajectoryId)
        .describe()
        .then((d) => d.status.name !== 'RUNNING')
        .catch(() => false);
      if (closed) {
        this.metrics.updatesRejected.inc({ action: type, code: 'CLOSED' });
        return new ApiException(
          HttpStatus.CONFLICT,
          'INVALID_TRANSITION',
          `${type} is not allowed: the ${what} is closed`,
          {
            currentStatus: 'CLOSED',
            allowedActions: [],
          },
        );
      }
      return notFound(`${what} ${trajectoryId}`);
    }
    return error;
  }

  private within<T>(call: () => Promise<T>): Promise<T> {
    return this.temporalCalls.track(this.client.connection.withDeadline(Date.now() + CALL_DEADLINE_MS, call));
  }

  private async found<T>(id: string, call: () => Promise<T>, what = 'trajectory'): Promise<T> {
    try {
      return await this.within(call);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`${what} ${id}`);
      throw error;
    }
  }
}

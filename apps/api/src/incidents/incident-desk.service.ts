import { HttpStatus, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  ApplicationFailure,
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { Gauge } from 'prom-client';
import {
  getIncidentQuery,
  municipalityOfTrajectory,
  retryIncidentUpdate,
  trajectoryOfEscalation,
  type TrajectoryIncident,
} from '@app/contracts';
import type { Principal } from '../auth/principal';
import { canSee, isRegionWide } from '../auth/tenant-scope';
import { ApiException, notFound } from '../common/domain-errors';
import { MetricsService } from '../metrics/metrics.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';

/** At most this many incidents per page of the worklist; more means something systemic (see the metric). */
const LIST_LIMIT = 200;

const OPEN = 'Incident = true AND ExecutionStatus = "Running"';

/** A scrape waits at most this long for the visibility count. */
const SCRAPE_DEADLINE_MS = 2000;

export interface IncidentEntry {
  workflowId: string;
  workflowType: string;
  trajectoryId: string;
  municipalityCode: string;
  /** Null when the workflow did not answer the query (no worker polling right now). */
  incident: TrajectoryIncident | null;
}

/**
 * Incidents of trajectories and table cases (workflows/incidents.ts), for operators: the worklist from
 * Temporal's visibility (search attribute `Incident`), each entry's details from its workflow, the retry, and
 * the gauge `trajectory_open_incidents` counted by visibility at each scrape.
 */
@Injectable()
export class IncidentDeskService implements OnModuleInit {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const client = this.client;
    new Gauge({
      name: 'trajectory_open_incidents',
      help: 'Running trajectories and table cases with an open incident (a step refused on its data)',
      registers: [this.metrics.registry],
      async collect() {
        // A scrape must not fail because Temporal is away: the gauge is then absent for that scrape.
        // Bounded, so a slow or closing connection never leaves a retry behind the scrape.
        const count = await client.connection
          .withDeadline(Date.now() + SCRAPE_DEADLINE_MS, () => client.workflow.count(OPEN))
          .catch(() => undefined);
        if (count !== undefined) this.set(count.count);
      },
    });
  }

  async list(principal: Principal): Promise<IncidentEntry[]> {
    const scope = isRegionWide(principal)
      ? ''
      : ` AND MunicipalityCode IN (${principal.municipalities.map((m) => `"${m}"`).join(', ') || '""'})`;
    const entries: IncidentEntry[] = [];
    for await (const execution of this.client.workflow.list({ query: OPEN + scope, pageSize: 100 })) {
      const trajectoryId =
        trajectoryOfEscalation(execution.workflowId.replace(/^breakthrough-/, '')) ?? execution.workflowId;
      const municipalityCode = municipalityOfTrajectory(trajectoryId) ?? '';
      if (!canSee(principal, { municipalityCode })) continue;
      const incident = await this.client.workflow
        .getHandle(execution.workflowId)
        .query(getIncidentQuery)
        .catch(() => null);
      entries.push({
        workflowId: execution.workflowId,
        workflowType: execution.type,
        trajectoryId,
        municipalityCode,
        incident,
      });
      if (entries.length >= LIST_LIMIT) break;
    }
    return entries;
  }

  /** Asks the workflow to run its failed step again; 409 when it has no incident open. */
  async retry(workflowId: string, principal: Principal): Promise<{ retried: true }> {
    try {
      return await this.client.workflow
        .getHandle(workflowId)
        .executeUpdate(retryIncidentUpdate, { args: [{ requestedBy: principal.subject }] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        throw new ApiException(HttpStatus.CONFLICT, 'INVALID_TRANSITION', error.cause.message, {
          currentStatus: 'NO_INCIDENT',
          allowedActions: [],
        });
      }
      if (error instanceof WorkflowNotFoundError) throw notFound(`workflow ${workflowId}`);
      throw error;
    }
  }
}

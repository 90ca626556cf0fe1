import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { AppConfig } from '../../../../libs/config/src';
import {
  getTrajectoryQuery,
  SA_DOMAIN,
  SA_MUNICIPALITY,
  SA_SEGMENT,
  SA_STATUS,
  trajectoryWorkflowId,
  WORKFLOW_TYPES,
  type TrajectorySnapshot,
  type TrajectoryWorkflowInput,
} from '../../../../libs/contracts/src';
import { APP_CONFIG } from '../../../../libs/platform/src';
import type { Principal } from '../auth/principal';
import { canSee } from '../auth/tenant-scope';
import { ApiException, notFound } from '../common/domain-errors';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client.module';
import { StartTrajectoryDto } from './dto/start-trajectory.dto';

export interface StartResult {
  trajectoryId: string;
  runId: string;
  created: boolean;
}

/** Starts, queries and updates trajectory workflows by their business id. */
@Injectable()
export class TrajectoryService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Idempotent on municipality + case reference: the workflow id is derived from them and Temporal refuses a
   * second execution with that id, so a repeated call returns the first trajectory instead of a new one.
   */
  async start(dto: StartTrajectoryDto, principal: Principal): Promise<StartResult> {
    if (!principal.municipalities.includes(dto.municipalityCode)) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `You do not act for municipality ${dto.municipalityCode}`,
      );
    }
    const trajectoryId = trajectoryWorkflowId(dto.municipalityCode, dto.caseReference);
    const input: TrajectoryWorkflowInput = {
      start: {
        trajectoryId,
        municipalityCode: dto.municipalityCode,
        caseReference: dto.caseReference,
        clientId: dto.clientId,
        domain: dto.domain,
        segment: dto.segment,
        complexity: dto.complexity,
        requestType: dto.requestType,
        intensive: dto.intensive ?? false,
        requestedBy: { role: 'CASE_SYSTEM', ref: principal.subject },
      },
    };
    try {
      const handle = await this.client.workflow.start(WORKFLOW_TYPES.trajectory, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: trajectoryId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_STATUS, value: 'INTAKE' },
          { key: SA_MUNICIPALITY, value: dto.municipalityCode },
          { key: SA_DOMAIN, value: dto.domain },
          { key: SA_SEGMENT, value: dto.segment },
        ],
      });
      return { trajectoryId, runId: handle.firstExecutionRunId, created: true };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const description = await this.client.workflow.getHandle(trajectoryId).describe();
      return { trajectoryId, runId: description.runId, created: false };
    }
  }

  async get(trajectoryId: string, principal: Principal): Promise<TrajectorySnapshot> {
    let snapshot: TrajectorySnapshot;
    try {
      snapshot = await this.client.workflow.getHandle(trajectoryId).query(getTrajectoryQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`trajectory ${trajectoryId}`);
      throw error;
    }
    if (!canSee(principal, { municipalityCode: snapshot.municipalityCode }))
      throw notFound(`trajectory ${trajectoryId}`);
    return snapshot;
  }
}

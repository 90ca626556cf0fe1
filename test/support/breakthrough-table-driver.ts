import type { Client, WorkflowHandle } from '@temporalio/client';
import {
  assignBreakthroughCaseUpdate,
  breakthroughWorkflowId,
  getBreakthroughCaseQuery,
  recordBreakthroughDecisionUpdate,
} from '@app/contracts';
import type { BreakthroughCaseState } from '@app/domain';
import type { BreakthroughDecision } from '@app/domain';
import { closedStatus } from './closed-status';
import { rejectionOf, type UpdateRejection } from './update-rejection';

/** Drives the breakthrough table's case workflow `breakthrough-<escalationId>` as the table's API does. */
export class BreakthroughTableDriver {
  readonly handle: WorkflowHandle;

  constructor(
    client: Client,
    readonly escalationId: string,
  ) {
    this.handle = client.workflow.getHandle(breakthroughWorkflowId(escalationId));
  }

  decide(decision: BreakthroughDecision): Promise<BreakthroughCaseState> {
    return this.handle.executeUpdate(recordBreakthroughDecisionUpdate, { args: [{ decision }] });
  }

  rejection(decision: BreakthroughDecision): Promise<UpdateRejection> {
    return rejectionOf(this.decide(decision));
  }

  assign(chairRef: string, memberRefs: string[] = []): Promise<BreakthroughCaseState> {
    return this.handle.executeUpdate(assignBreakthroughCaseUpdate, {
      args: [{ actor: { role: 'BREAKTHROUGH_TABLE', ref: chairRef }, chairRef, memberRefs }],
    });
  }

  state(): Promise<BreakthroughCaseState> {
    return this.handle.query(getBreakthroughCaseQuery);
  }

  /** The case's last state once its workflow has closed (a decision or a withdrawal ends it). */
  async closed(): Promise<BreakthroughCaseState> {
    const status = await closedStatus(this.handle);
    if (status === 'RUNNING') throw new Error(`${this.handle.workflowId} did not close`);
    return this.state();
  }
}

import { condition, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  getTrajectoryQuery,
  type TrajectorySnapshot,
  type TrajectoryWorkflowInput,
} from '../libs/contracts/src';
import type { TrajectoryActivities } from '../activities';

const { recordTransition } = proxyLocalActivities<TrajectoryActivities>({
  startToCloseTimeout: '30 seconds',
});

/** One client trajectory (traject), from intake to closure. */
export async function trajectoryWorkflow(input: TrajectoryWorkflowInput): Promise<void> {
  const { start } = input;
  const createdAt = new Date().toISOString();
  const snapshot: TrajectorySnapshot = {
    trajectoryId: workflowInfo().workflowId,
    status: 'INTAKE',
    municipalityCode: start.municipalityCode,
    caseReference: start.caseReference,
    domain: start.domain,
    segment: start.segment,
    complexity: start.complexity,
    createdAt,
  };
  setHandler(getTrajectoryQuery, () => snapshot);

  await recordTransition({
    audit: [
      {
        trajectoryId: snapshot.trajectoryId,
        seq: 1,
        type: 'TRAJECTORY_STARTED',
        actorRole: start.requestedBy.role,
        actorRef: start.requestedBy.ref,
        at: createdAt,
        details: { requestType: start.requestType },
      },
    ],
    row: {
      trajectoryId: snapshot.trajectoryId,
      seq: 1,
      municipalityCode: start.municipalityCode,
      caseReference: start.caseReference,
      clientId: start.clientId,
      status: snapshot.status,
      domain: start.domain,
      segment: start.segment,
      complexity: start.complexity,
      providerId: null,
      escalated: false,
      evaluationOverdue: false,
      approvalDeadline: null,
      nextEvaluationAt: null,
      createdAt,
      updatedAt: createdAt,
      closedAt: null,
      closureReason: null,
      summary: {},
    },
  });
  await condition(() => false);
}

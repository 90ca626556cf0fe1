import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOSURE_REASONS,
  TRAJECTORY_COMMAND_TYPES,
  TRAJECTORY_STATUSES,
  type TrajectoryCommandType,
  type TrajectoryStatus,
  type TrajectoryView,
} from '@app/domain';

/** The response schemas of one trajectory: the live view (getStatus query) and the start of a trajectory. */

class SubFlagsDto {
  @ApiProperty() evaluationDue: boolean;
  @ApiProperty() evaluationOverdue: boolean;
  @ApiProperty() scalingPending: boolean;
  @ApiProperty() escalated: boolean;
  @ApiProperty() provisionalStart: boolean;
}

class BlockerDto {
  @ApiProperty({ example: 'LOCAL_TEAM', description: 'Who holds the case up (P03)' })
  party: string;
  @ApiProperty({ example: 'APPROVAL' })
  reason: string;
  @ApiPropertyOptional({ example: '2026-12-15T17:00:00.000Z' })
  until?: string;
  @ApiProperty()
  overdue: boolean;
}

class OpenEscalationDto {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001-esc-1' }) id: string;
  @ApiProperty({ example: 'ROUND_TRIP_LIMIT' }) trigger: string;
  @ApiProperty() context: string;
  @ApiProperty({ example: 'OPEN' }) status: string;
  @ApiProperty() deadlineAt: string;
  @ApiProperty() reminderAt: string;
  @ApiProperty() overdue: boolean;
}

class PendingChangeDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'UP' }) direction: string;
  @ApiProperty() status: string;
  @ApiProperty() round: number;
  @ApiPropertyOptional() deadlineAt?: string;
}

class StatutoryClockDto {
  @ApiProperty({ enum: ['WMO_RESEARCH', 'WMO_DECISION', 'JEUGD_DECISION'] }) kind: string;
  @ApiProperty({ example: 'Wmo 2015 art. 2.3.2' }) law: string;
  @ApiProperty() startedAt: string;
  @ApiProperty() deadlineAt: string;
  @ApiPropertyOptional() stoppedAt?: string;
  @ApiProperty() lapsed: boolean;
}

class EvaluationProposalDto {
  @ApiProperty({ example: 'COMPLETE' }) outcome: string;
  @ApiProperty() proposedByRef: string;
  @ApiProperty() proposedAt: string;
  @ApiPropertyOptional() deadlineAt?: string;
}

class ClosureDto {
  @ApiProperty({ enum: CLOSURE_REASONS }) reason: string;
  @ApiProperty() closedAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Outcome indicators K-O1..3 (dropout, goal attainment, satisfaction)',
  })
  outcome: Record<string, unknown>;
}

/** The live state of a trajectory: what lifecycle actions answer and GET /trajectories/{id} returns. */
export class TrajectoryViewDto implements Omit<TrajectoryView, 'deadlines'> {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' })
  trajectoryId: string;
  @ApiProperty({ enum: TRAJECTORY_STATUSES })
  status: TrajectoryStatus;
  @ApiProperty({ type: SubFlagsDto })
  subFlags: SubFlagsDto;
  @ApiProperty({ enum: TRAJECTORY_COMMAND_TYPES, isArray: true, description: 'Commands allowed now' })
  allowedActions: TrajectoryCommandType[];
  @ApiPropertyOptional({
    enum: TRAJECTORY_COMMAND_TYPES,
    isArray: true,
    description: 'GET only: the allowed actions your roles may send (what a page offers you)',
  })
  yourActions?: TrajectoryCommandType[];
  @ApiPropertyOptional({ example: 1 })
  planVersion?: number;
  @ApiProperty({ example: 0, description: 'Plan round trips so far' })
  rounds: number;
  @ApiPropertyOptional({ example: 1 })
  decisionVersion?: number;
  @ApiPropertyOptional({ example: 'PRV-HORIZON' })
  leadProviderId?: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Running deadlines by name (approvalDeadline, providerStartDeadline, …), ISO-8601 instants',
  })
  deadlines: Record<string, string>;
  @ApiPropertyOptional()
  nextDeadline?: string;
  @ApiProperty({ type: [BlockerDto] })
  blocking: TrajectoryView['blocking'];
  @ApiProperty({ type: [String], example: ['CLIENT'] })
  missingSignatures: TrajectoryView['missingSignatures'];
  @ApiPropertyOptional({ type: OpenEscalationDto })
  openEscalation?: OpenEscalationDto;
  @ApiPropertyOptional({ type: PendingChangeDto })
  pendingChange?: PendingChangeDto;
  @ApiProperty({ type: [StatutoryClockDto] })
  statutoryClocks: TrajectoryView['statutoryClocks'];
  @ApiPropertyOptional({ type: EvaluationProposalDto })
  evaluationProposal?: EvaluationProposalDto;
  @ApiPropertyOptional({ type: ClosureDto })
  closure?: TrajectoryView['closure'];
  @ApiPropertyOptional()
  predecessorTrajectoryId?: string;
  @ApiPropertyOptional()
  successorTrajectoryId?: string;
}

/** POST /trajectories: the workflow of the trajectory, new (201) or the one that already existed (200). */
export class StartResultDto {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' })
  trajectoryId: string;
  @ApiProperty({ description: 'The first run of the workflow' })
  runId: string;
  @ApiProperty({ description: 'false: the trajectory already existed and is returned as it is' })
  created: boolean;
}

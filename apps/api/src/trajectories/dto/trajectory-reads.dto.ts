import { ApiProperty } from '@nestjs/swagger';
import { CARE_DOMAINS, CARE_SEGMENTS, COMPLEXITY_CLASSES } from '@app/contracts';
import { TRAJECTORY_STATUSES } from '@app/domain';
import type { AuditTrailItem } from '../../read-model/audit-trail.service';
import type { Page, TrajectoryListItem } from '../../read-model/trajectory-list.service';

/** Response schemas of the read model: lists, worklists and the audit trail (TRAJECTORY_ROW's list fields). */

const INSTANT = { format: 'date-time', example: '2026-12-01T09:00:00.000Z' } as const;
const INSTANT_OR_NULL = { ...INSTANT, type: String, nullable: true } as const;
const TEXT_OR_NULL = { type: String, nullable: true } as const;

export class TrajectoryListItemDto implements TrajectoryListItem {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' }) trajectoryId: string;
  @ApiProperty({ example: 'GM0405' }) municipalityCode: string;
  @ApiProperty({ example: 'CASE-2026-0001' }) caseReference: string;
  @ApiProperty({ enum: TRAJECTORY_STATUSES }) status: string;
  @ApiProperty({ enum: CARE_DOMAINS }) domain: string;
  @ApiProperty({ enum: CARE_SEGMENTS }) segment: string;
  @ApiProperty({ enum: COMPLEXITY_CLASSES }) complexity: string;
  @ApiProperty(TEXT_OR_NULL) providerId: string | null;
  @ApiProperty(TEXT_OR_NULL) arrangementCode: string | null;
  @ApiProperty() escalated: boolean;
  @ApiProperty() evaluationDue: boolean;
  @ApiProperty() evaluationOverdue: boolean;
  @ApiProperty({ type: 'integer' }) roundCount: number;
  @ApiProperty(INSTANT_OR_NULL) approvalDeadline: string | null;
  @ApiProperty(INSTANT_OR_NULL) providerStartDeadline: string | null;
  @ApiProperty(INSTANT_OR_NULL) nextEvaluationAt: string | null;
  @ApiProperty(TEXT_OR_NULL) openEscalationId: string | null;
  @ApiProperty(INSTANT_OR_NULL) statutoryDeadline: string | null;
  @ApiProperty(TEXT_OR_NULL) statutoryClock: string | null;
  @ApiProperty(INSTANT) createdAt: string;
  @ApiProperty(INSTANT) updatedAt: string;
  @ApiProperty(INSTANT_OR_NULL) closedAt: string | null;
  @ApiProperty(TEXT_OR_NULL) closureReason: string | null;
}

export class TrajectoryPageDto implements Page<TrajectoryListItem> {
  @ApiProperty({ type: [TrajectoryListItemDto] })
  items: TrajectoryListItemDto[];
  @ApiProperty({ ...TEXT_OR_NULL, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class AuditTrailItemDto implements AuditTrailItem {
  @ApiProperty({ example: 'trajectory', description: 'The trajectory or one of its table cases' })
  stream: string;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ example: 'PLAN_SUBMITTED' }) type: string;
  @ApiProperty({ example: 'LOCAL_TEAM' }) actorRole: string;
  @ApiProperty({ example: 'lt-user-3' }) actorRef: string;
  @ApiProperty(INSTANT) at: string;
  @ApiProperty({ type: 'integer', nullable: true }) planVersion: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) decisionVersion: number | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

/** The whole pseudonymous state (getState query); its parts are described in domain.md §7. */
export class TrajectoryStateDto {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' }) trajectoryId: string;
  @ApiProperty({ enum: TRAJECTORY_STATUSES }) status: string;
  @ApiProperty({ example: 1 }) schemaVersion: number;
}

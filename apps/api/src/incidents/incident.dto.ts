import { ApiProperty } from '@nestjs/swagger';
import type { TrajectoryIncident } from '@app/contracts';
import type { IncidentEntry } from './incident-desk.service';

export class TrajectoryIncidentDto implements TrajectoryIncident {
  @ApiProperty({ example: 'recordTransition', description: 'The activity of the step that was refused' })
  step: string;
  @ApiProperty({ example: 'DATA_REJECTED' })
  failureType: string;
  @ApiProperty({ example: 'the database refused the data (SQLSTATE 22001 at unknown)' })
  message: string;
  @ApiProperty({ example: '2026-12-06T09:12:03.120Z', format: 'date-time' })
  openedAt: string;
  @ApiProperty({ example: 0, description: 'Retries operators asked for in this incident' })
  retries: number;
}

export class IncidentEntryDto implements IncidentEntry {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' })
  workflowId: string;
  @ApiProperty({ example: 'trajectoryWorkflow' })
  workflowType: string;
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' })
  trajectoryId: string;
  @ApiProperty({ example: 'GM0405' })
  municipalityCode: string;
  @ApiProperty({
    type: TrajectoryIncidentDto,
    nullable: true,
    description: 'Null when no worker answered the query right now',
  })
  incident: TrajectoryIncidentDto | null;
}

export class IncidentRetriedDto {
  @ApiProperty({ example: true })
  retried: true;
}

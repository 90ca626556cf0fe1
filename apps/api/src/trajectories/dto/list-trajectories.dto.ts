import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { CARE_DOMAINS, CARE_SEGMENTS, MUNICIPALITY_CODE } from '@app/contracts';
import { TRAJECTORY_STATUSES, type TrajectoryStatus } from '@app/domain';
import { REF } from './ids';
import { Optional } from '../../validation/optional';
import { IsIsoDateOrInstant } from '../../validation/iso-dates';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Filters of the trajectory list (read model), with cursor pagination. */
export class ListTrajectoriesDto {
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @Optional()
  @IsIn(TRAJECTORY_STATUSES)
  status?: TrajectoryStatus;
  @ApiPropertyOptional({ example: 'GM0405' })
  @Optional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;
  @ApiPropertyOptional({ example: 'PRV-HORIZON' })
  @Optional()
  @Matches(REF)
  provider?: string;
  @ApiPropertyOptional({ enum: CARE_DOMAINS })
  @Optional()
  @IsIn(CARE_DOMAINS)
  domain?: string;
  @ApiPropertyOptional({ enum: CARE_SEGMENTS })
  @Optional()
  @IsIn(CARE_SEGMENTS)
  segment?: string;
  @ApiPropertyOptional()
  @Optional()
  @Transform(toBool)
  @IsBoolean()
  escalated?: boolean;
  @ApiPropertyOptional({ description: 'Approval, evaluation or provider start past its deadline' })
  @Optional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @Optional()
  @IsIsoDateOrInstant()
  createdFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @Optional()
  @IsIsoDateOrInstant()
  createdTo?: string;
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

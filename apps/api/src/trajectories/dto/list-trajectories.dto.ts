import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { CARE_DOMAINS, CARE_SEGMENTS, MUNICIPALITY_CODE } from '@app/contracts';
import { TRAJECTORY_STATUSES, type TrajectoryStatus } from '@app/domain';
import { REF } from './ids';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Filters of the trajectory list (read model), with cursor pagination. */
export class ListTrajectoriesDto {
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @IsOptional()
  @IsIn(TRAJECTORY_STATUSES)
  status?: TrajectoryStatus;
  @ApiPropertyOptional({ example: 'GM0405' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;
  @ApiPropertyOptional({ example: 'PRV-HORIZON' })
  @IsOptional()
  @Matches(REF)
  provider?: string;
  @ApiPropertyOptional({ enum: CARE_DOMAINS })
  @IsOptional()
  @IsIn(CARE_DOMAINS)
  domain?: string;
  @ApiPropertyOptional({ enum: CARE_SEGMENTS })
  @IsOptional()
  @IsIn(CARE_SEGMENTS)
  segment?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  escalated?: boolean;
  @ApiPropertyOptional({ description: 'Approval, evaluation or provider start past its deadline' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsISO8601()
  createdFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsISO8601()
  createdTo?: string;
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

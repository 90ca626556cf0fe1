import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** One of: working days, calendar days, months, or an exact duration such as '2 seconds' (benchmarks, tests). */
export class PolicyDurationDto {
  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  workingDays?: number;
  @ApiPropertyOptional({ example: 14 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  calendarDays?: number;
  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;
  @ApiPropertyOptional({ example: '2 seconds' })
  @IsOptional()
  @Matches(/^\d+(\.\d+)?\s*(ms|milliseconds?|s|seconds?|m|minutes?|h|hours?|d|days?)$/)
  duration?: string;
}

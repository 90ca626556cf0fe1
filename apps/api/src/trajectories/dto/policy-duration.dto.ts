import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { SchemaExtras } from '../../openapi/schema-extras';
import { Optional } from '../../validation/optional';

/**
 * One of: working days, calendar days, months, or an exact duration such as '2 seconds' (benchmarks, tests).
 * "Exactly one" and the ten-year sanity caps are the domain's checks (policy-duration.ts, 422); the bounds
 * here stay within them, so a value valid here is refused only for the caps of `duration` or across fields.
 */
@SchemaExtras({ minProperties: 1, maxProperties: 1 })
export class PolicyDurationDto {
  @ApiPropertyOptional({ example: 10 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(2610) // policy-duration.ts MAX_AMOUNT: ten years of working days
  workingDays?: number;
  @ApiPropertyOptional({ example: 14 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(3650)
  calendarDays?: number;
  @ApiPropertyOptional({ example: 3 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(120)
  months?: number;
  @ApiPropertyOptional({ example: '2 seconds' })
  @Optional()
  // A positive number, spaces, a unit: what calendar/duration.ts parses, without zero.
  @Matches(
    /^(0*[1-9][0-9]*(\.[0-9]+)?|0+\.[0-9]*[1-9][0-9]*) *(ms|milliseconds?|s|seconds?|m|minutes?|h|hours?|d|days?)$/,
  )
  duration?: string;
}

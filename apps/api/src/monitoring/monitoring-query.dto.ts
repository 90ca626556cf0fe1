import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CARE_DOMAINS, MUNICIPALITY_CODE } from '@app/contracts';
import { REF } from '../trajectories/dto/ids';
import { Optional } from '../validation/optional';
import { IsIsoDateOrInstant } from '../validation/iso-dates';

/** Filters of the monitoring figures; always within what the caller may see (tenant scope). */
export class MonitoringQueryDto {
  @ApiPropertyOptional({ example: 'GM0405' })
  @Optional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;

  @ApiPropertyOptional({ example: 'PRV-HORIZON', description: 'The lead provider' })
  @Optional()
  @Matches(REF)
  provider?: string;

  @ApiPropertyOptional({ enum: CARE_DOMAINS })
  @Optional()
  @IsIn(CARE_DOMAINS)
  domain?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Start of the period, inclusive (a date is its first instant, UTC)',
  })
  @Optional()
  @IsIsoDateOrInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      'End of the period: a date is inclusive (up to the next midnight, UTC), an instant exclusive',
  })
  @Optional()
  @IsIsoDateOrInstant()
  to?: string;
}

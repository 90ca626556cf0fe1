import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ISO_MONTH } from '../../validation/iso-dates';
import { Optional } from '../../validation/optional';
import { MonitoringFilterQueryDto } from '../monitoring-filter';

/** Filters and months of the steering figures; always within what the caller may see (tenant scope). */
export class SteeringQueryDto extends MonitoringFilterQueryDto {
  @ApiPropertyOptional({
    example: '2026-01',
    description: 'First month (YYYY-MM); default 11 months before `to`',
  })
  @Optional()
  @Matches(ISO_MONTH, { message: 'from must be YYYY-MM' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12',
    description: 'Last month (YYYY-MM), inclusive; default this month',
  })
  @Optional()
  @Matches(ISO_MONTH, { message: 'to must be YYYY-MM' })
  to?: string;
}

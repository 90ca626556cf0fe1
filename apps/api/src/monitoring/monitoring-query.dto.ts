import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '../validation/optional';
import { MonitoringFilterQueryDto } from './monitoring-filter';
import { IsIsoDateOrInstant } from '../validation/iso-dates';

/** Filters of the monitoring figures, and their period; always within what the caller may see. */
export class MonitoringQueryDto extends MonitoringFilterQueryDto {
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

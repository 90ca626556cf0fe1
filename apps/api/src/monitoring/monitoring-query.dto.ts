import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CARE_DOMAINS, MUNICIPALITY_CODE } from '@app/contracts';
import { REF } from '../trajectories/dto/ids';

/** Filters of the monitoring figures; always within what the caller may see (tenant scope). */
export class MonitoringQueryDto {
  @ApiPropertyOptional({ example: 'GM0405' })
  @IsOptional()
  @Matches(MUNICIPALITY_CODE)
  municipality?: string;

  @ApiPropertyOptional({ example: 'PRV-HORIZON', description: 'The lead provider' })
  @IsOptional()
  @Matches(REF)
  provider?: string;

  @ApiPropertyOptional({ enum: CARE_DOMAINS })
  @IsOptional()
  @IsIn(CARE_DOMAINS)
  domain?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Start of the period, inclusive (a date is its first instant, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description:
      'End of the period: a date is inclusive (up to the next midnight, UTC), an instant exclusive',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CARE_DOMAINS, MUNICIPALITY_CODE } from '@app/contracts';
import { REF } from '../../trajectories/dto/ids';
import { ISO_MONTH } from '../../validation/iso-dates';
import { Optional } from '../../validation/optional';

/** Filters and months of the steering figures; always within what the caller may see (tenant scope). */
export class SteeringQueryDto {
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

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CARE_DOMAINS, MUNICIPALITY_CODE } from '@app/contracts';
import type { Principal } from '../auth/principal';
import { tenantCondition } from '../read-model/tenant-filter';
import { REF } from '../trajectories/dto/ids';
import { Optional } from '../validation/optional';

/** The filters every monitoring figure takes; always within what the caller may see (tenant scope). */
export class MonitoringFilterQueryDto {
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
}

/** The caller's tenant scope and the filters over `trajectory t`, as SQL with its parameters. */
export interface FilterScope {
  where: string[];
  params: unknown[];
}

export function filterScope(principal: Principal, q: MonitoringFilterQueryDto): FilterScope {
  const params: unknown[] = [];
  const where = [tenantCondition(principal, params, 't')];
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`t.${column} = $${params.length}`);
  };
  eq('municipality_code', q.municipality);
  eq('provider_id', q.provider);
  eq('domain', q.domain);
  return { where, params };
}

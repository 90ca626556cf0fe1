import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { steeringCsv } from '@app/domain';
import { CurrentPrincipal, Roles } from '../../auth/decorators';
import type { Principal } from '../../auth/principal';
import { ApiStandardErrors } from '../../common/api-docs';
import { MONITORING_READERS } from '../monitoring.controller';
import { SteeringReportDto } from './steering-report.dto';
import { SteeringQueryDto } from './steering-query.dto';
import { SteeringService, type SteeringResult } from './steering.service';

const DESCRIPTION = `The cost-steering and flow figures of domain.md §6.6 per month, aggregated in PostgreSQL:
K-F5 value of assignments (Σ tariffs of the decisions in force at month end), K-F2 cost per client (payments due
÷ clients paid), K-F3 intensity mix deviation per provider from the region's, K-F4 clients whose concurrent
decisions exceed the stacking threshold as yearly value, K-F6 billed periods, K-F7 final-tranche rate of the
closed, K-Q1 inflow and outflow. Each figure carries its definition, unit and source; "signals" lists the clients
above the stacking threshold and the providers whose mix is far from the region's, with the trajectories behind
them (pseudonymous ids only). Money is integer euro cents; shares are fractions.`;

@ApiTags('monitoring')
@ApiStandardErrors()
@Controller('monitoring')
export class SteeringController {
  constructor(private readonly steering: SteeringService) {}

  @Get('steering')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: 'Steering figures per month, with signals (JSON)', description: DESCRIPTION })
  @ApiOkResponse({ type: SteeringReportDto })
  report(
    @Query() query: SteeringQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SteeringResult> {
    return this.steering.report(principal, query);
  }

  @Get('steering.csv')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: 'The steering figures as CSV: indicator, name, unit, group, month, value' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(
    @Query() query: SteeringQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = steeringCsv(await this.steering.report(principal, query));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="steering.csv"');
    return csv;
  }
}

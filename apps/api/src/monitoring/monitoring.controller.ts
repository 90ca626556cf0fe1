import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { indicatorsCsv, type MonitoringIndicators } from '@app/domain';
import type { Role } from '@app/contracts';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { MonitoringIndicatorsDto } from './monitoring-indicators.dto';
import { MonitoringQueryDto } from './monitoring-query.dto';
import { MonitoringService } from './monitoring.service';

/** Who reads the figures; each sees only its own scope (a provider its own trajectories, P19). */
export const MONITORING_READERS: Role[] = [
  'OPERATOR',
  'FINANCE',
  'LOCAL_TEAM',
  'BREAKTHROUGH_TABLE',
  'PROVIDER',
];

const DESCRIPTION = `The figures of domain.md §6 over the read model, limited to what the caller may see:
outcome indicators K-O1..3 (closures in the period) overall and per provider; lead times per stage (stage ended
in the period); plan round trips K-P2; escalations by trigger and the table's decision codes (K-P3, K-P4);
overdue evaluations K-P6 and local team participation K-P7; scaling up vs down K-Q3; cost per trajectory and per
arrangement against its tariff (care started in the period); re-entry within 12 months per provider
(decisions.md 9). Rates are fractions (0..1, 4 decimals) or null when there is nothing to divide by; days are
calendar days; money is integer euro cents.`;

@ApiTags('monitoring')
@ApiStandardErrors()
@Controller('monitoring')
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get('indicators')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: 'Monitoring figures (KPIs) for a filter, as JSON', description: DESCRIPTION })
  @ApiOkResponse({ type: MonitoringIndicatorsDto })
  indicators(
    @Query() query: MonitoringQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MonitoringIndicators> {
    return this.monitoring.indicators(principal, query);
  }

  @Get('indicators.csv')
  @Roles(...MONITORING_READERS)
  @ApiOperation({
    summary: 'The same monitoring figures as CSV: one row per figure (section, group, measure, value)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'section, group, measure, value' })
  async csv(
    @Query() query: MonitoringQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const csv = indicatorsCsv(await this.monitoring.indicators(principal, query));
    // Only once the figures exist: Nest's @Header would label an error body text/csv too.
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="indicators.csv"');
    return csv;
  }
}

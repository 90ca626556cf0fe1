import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { breakthroughWorkflowId, trajectoryOfEscalation } from '@app/contracts';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiErrorBody } from '../common/api-error';
import { notFound } from '../common/domain-errors';
import { TrajectoryAccess } from '../trajectories/trajectory-access';
import { IncidentDeskService } from './incident-desk.service';
import { IncidentEntryDto, IncidentRetriedDto } from './incident.dto';

/**
 * Operators' incident desk: steps refused on their data (a poison pill would otherwise retry for ever), listed
 * and retried once the cause is fixed. The trajectory keeps answering meanwhile.
 */
@ApiTags('operations')
@ApiStandardErrors()
@Controller()
export class IncidentsController {
  constructor(
    private readonly desk: IncidentDeskService,
    private readonly access: TrajectoryAccess,
  ) {}

  @Get('worklists/incidents')
  @Roles('OPERATOR')
  @ApiOperation({ summary: 'Open incidents: trajectory or table-case steps refused on their data' })
  @ApiOkResponse({ type: [IncidentEntryDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<IncidentEntryDto[]> {
    return this.desk.list(principal);
  }

  @Post('trajectories/:trajectoryId/incident/retry')
  @HttpCode(200)
  @Roles('OPERATOR')
  @ApiOperation({ summary: 'Run the failed step of a trajectory again, after its cause is fixed' })
  @ApiOkResponse({ type: IncidentRetriedDto })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'No incident is open' })
  async retryTrajectory(
    @Param('trajectoryId') trajectoryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IncidentRetriedDto> {
    await this.access.authorize(principal, trajectoryId);
    return this.desk.retry(trajectoryId, principal);
  }

  @Post('escalations/:escalationId/incident/retry')
  @HttpCode(200)
  @Roles('OPERATOR')
  @ApiOperation({
    summary: 'Run the failed step of a breakthrough-table case again, after its cause is fixed',
  })
  @ApiOkResponse({ type: IncidentRetriedDto })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'No incident is open' })
  async retryTableCase(
    @Param('escalationId') escalationId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IncidentRetriedDto> {
    const trajectoryId = trajectoryOfEscalation(escalationId);
    if (!trajectoryId) throw notFound(`escalation ${escalationId}`);
    await this.access.authorize(principal, trajectoryId);
    return this.desk.retry(breakthroughWorkflowId(escalationId), principal);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { DocketItemDto } from '../escalations/docket.dto';
import { DocketService } from '../read-model/docket.service';
import { OVERDUE_CONDITION, TrajectoryListService } from '../read-model/trajectory-list.service';
import { TrajectoryListItemDto } from '../trajectories/dto/trajectory-reads.dto';

/** The lists people work from every day, each scoped to the caller's municipalities or provider. */
@ApiTags('worklists')
@ApiStandardErrors()
@Controller('worklists')
export class WorklistsController {
  constructor(
    private readonly trajectories: TrajectoryListService,
    private readonly docket: DocketService,
  ) {}

  @Get('to-approve')
  @Roles('LOCAL_TEAM', 'OPERATOR')
  @ApiOperation({ summary: 'Plans awaiting the local team, nearest approval deadline first' })
  @ApiOkResponse({ type: [TrajectoryListItemDto] })
  toApprove(@CurrentPrincipal() principal: Principal) {
    return this.trajectories.worklist(
      principal,
      `t.status = 'AWAITING_APPROVAL'`,
      't.approval_deadline ASC NULLS LAST',
    );
  }

  @Get('breakthrough-table')
  @Roles('BREAKTHROUGH_TABLE', 'OPERATOR')
  @ApiOperation({
    summary: 'At the breakthrough table: the docket, oldest first, with days waiting and deadline',
  })
  @ApiOkResponse({ type: [DocketItemDto] })
  atTheTable(@CurrentPrincipal() principal: Principal) {
    return this.docket.open(principal);
  }

  @Get('overdue')
  @Roles('LOCAL_TEAM', 'BREAKTHROUGH_TABLE', 'OPERATOR', 'PROVIDER')
  @ApiOperation({ summary: 'Overdue approvals, provider starts, evaluations and table cases' })
  @ApiOkResponse({ type: [TrajectoryListItemDto] })
  overdue(@CurrentPrincipal() principal: Principal) {
    return this.trajectories.worklist(principal, OVERDUE_CONDITION, 't.updated_at ASC');
  }

  @Get('statutory-deadlines')
  @Roles('LOCAL_TEAM', 'CASE_SYSTEM', 'OPERATOR')
  @ApiOperation({
    summary:
      'Running statutory periods (Wmo 2015 art. 2.3.2 / 2.3.5, Awb art. 4:13), nearest deadline first; lapsed ones included',
  })
  @ApiOkResponse({ type: [TrajectoryListItemDto] })
  statutory(@CurrentPrincipal() principal: Principal) {
    return this.trajectories.worklist(
      principal,
      `t.statutory_deadline IS NOT NULL AND t.status <> 'CLOSED'`,
      't.statutory_deadline ASC',
    );
  }

  @Get('my-trajectories')
  @Roles('PROVIDER')
  @ApiOperation({ summary: "A provider's own open trajectories, next deadline first" })
  @ApiOkResponse({ type: [TrajectoryListItemDto] })
  mine(@CurrentPrincipal() principal: Principal) {
    return this.trajectories.worklist(
      principal,
      `t.status <> 'CLOSED'`,
      'LEAST(t.provider_start_deadline, t.next_evaluation_at, t.approval_deadline) ASC NULLS LAST',
    );
  }
}

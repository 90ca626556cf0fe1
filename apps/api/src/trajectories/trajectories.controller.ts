import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { StartTrajectoryDto } from './dto/start-trajectory.dto';
import { StartResult, TrajectoryService } from './trajectory.service';

@ApiTags('trajectories')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('trajectories')
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoryService) {}

  @Post()
  @Roles('CASE_SYSTEM')
  @ApiOperation({ summary: 'Open a trajectory (idempotent on municipality + case reference)' })
  @ApiCreatedResponse({ description: 'A new trajectory was started' })
  @ApiOkResponse({ description: 'The trajectory already existed; the same one is returned' })
  async start(
    @Body() dto: StartTrajectoryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StartResult> {
    const result = await this.trajectories.start(dto, principal);
    res.status(result.created ? 201 : 200);
    return result;
  }

  @Get(':trajectoryId')
  @Roles('CASE_SYSTEM', 'LOCAL_TEAM', 'PROVIDER', 'BREAKTHROUGH_TABLE', 'FINANCE', 'OPERATOR')
  @ApiOperation({ summary: 'Live state of a trajectory, from the workflow' })
  get(@Param('trajectoryId') trajectoryId: string, @CurrentPrincipal() principal: Principal) {
    return this.trajectories.get(trajectoryId, principal);
  }
}

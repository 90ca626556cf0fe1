import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StartTrajectoryDto } from './dto/start-trajectory.dto';
import { StartResult, TrajectoryService } from './trajectory.service';

@ApiTags('trajectories')
@Controller('trajectories')
export class TrajectoriesController {
  constructor(private readonly trajectories: TrajectoryService) {}

  @Post()
  @ApiOperation({ summary: 'Open a trajectory (idempotent on municipality + case reference)' })
  @ApiCreatedResponse({ description: 'A new trajectory was started' })
  @ApiOkResponse({ description: 'The trajectory already existed; the same one is returned' })
  async start(
    @Body() dto: StartTrajectoryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StartResult> {
    const result = await this.trajectories.start(dto);
    res.status(result.created ? 201 : 200);
    return result;
  }

  @Get(':trajectoryId')
  @ApiOperation({ summary: 'Live state of a trajectory, from the workflow' })
  get(@Param('trajectoryId') trajectoryId: string) {
    return this.trajectories.get(trajectoryId);
  }
}

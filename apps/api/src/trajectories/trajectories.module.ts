import { Module } from '@nestjs/common';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoryService } from './trajectory.service';

@Module({
  controllers: [TrajectoriesController],
  providers: [TrajectoryService],
  exports: [TrajectoryService],
})
export class TrajectoriesModule {}

import { Module } from '@nestjs/common';
import { MonitoringFiguresReader } from './monitoring-figures.reader';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';
import { SteeringFiguresReader } from './steering/steering-figures.reader';
import { SteeringController } from './steering/steering.controller';
import { SteeringRefresh } from './steering/steering-refresh';
import { SteeringService } from './steering/steering.service';

/** GET /monitoring/indicators(.csv): the figures of domain.md §6 from the read model. */
@Module({
  controllers: [MonitoringController, SteeringController],
  providers: [
    MonitoringFiguresReader,
    MonitoringService,
    SteeringFiguresReader,
    SteeringRefresh,
    SteeringService,
  ],
  exports: [MonitoringService],
})
export class MonitoringModule {}

import { Module } from '@nestjs/common';
import { MonitoringFactsReader } from './monitoring-facts.reader';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

/** GET /monitoring/indicators(.csv): the figures of domain.md §6 from the read model. */
@Module({
  controllers: [MonitoringController],
  providers: [MonitoringFactsReader, MonitoringService],
  exports: [MonitoringService],
})
export class MonitoringModule {}

import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule } from '@app/platform';
import { DeliveryModule } from './delivery/delivery.module';
import { TemporalConnectionProbe } from './temporal-connection.probe';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerHealthServer } from './worker-health.server';

@Module({
  imports: [AppConfigModule, DatabaseModule, DeliveryModule],
  providers: [TemporalWorkerService, TemporalConnectionProbe, WorkerHealthServer],
})
export class WorkerModule {}

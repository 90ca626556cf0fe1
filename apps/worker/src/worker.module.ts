import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule } from '@app/platform';
import { TemporalConnectionProbe } from './temporal-connection.probe';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerHealthServer } from './worker-health.server';

@Module({
  imports: [AppConfigModule, DatabaseModule],
  providers: [TemporalWorkerService, TemporalConnectionProbe, WorkerHealthServer],
})
export class WorkerModule {}

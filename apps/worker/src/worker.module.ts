import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule } from '@app/platform';
import { TemporalWorkerService } from './temporal-worker.service';
import { WorkerHealthServer } from './worker-health.server';

@Module({
  imports: [AppConfigModule, DatabaseModule],
  providers: [TemporalWorkerService, WorkerHealthServer],
})
export class WorkerModule {}

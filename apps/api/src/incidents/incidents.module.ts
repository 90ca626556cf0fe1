import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { IncidentDeskService } from './incident-desk.service';
import { IncidentsController } from './incidents.controller';

@Module({
  imports: [TrajectoriesModule],
  controllers: [IncidentsController],
  providers: [IncidentDeskService],
})
export class IncidentsModule {}

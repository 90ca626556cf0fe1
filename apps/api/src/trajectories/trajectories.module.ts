import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { RegisterModule } from '../register/register.module';
import { EscalationsController } from '../escalations/escalations.controller';
import { AuditTrailService } from '../read-model/audit-trail.service';
import { DocketService } from '../read-model/docket.service';
import { TrajectoryListService } from '../read-model/trajectory-list.service';
import { WorklistsController } from '../worklists/worklists.controller';
import { ArrangementTermsResolver } from './arrangement-terms.resolver';
import { PolicySnapshots } from './policy-snapshots';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoryAccess } from './trajectory-access';
import { TrajectoryActions } from './trajectory-actions.service';
import { TrajectoryActionsController } from './trajectory-actions.controller';
import { TrajectoryGateway } from './trajectory-gateway';
import { TrajectoryReader } from './trajectory-reader';

@Module({
  imports: [PaymentsModule, RegisterModule],
  controllers: [
    TrajectoriesController,
    TrajectoryActionsController,
    EscalationsController,
    WorklistsController,
  ],
  providers: [
    TrajectoryGateway,
    TrajectoryReader,
    TrajectoryAccess,
    TrajectoryActions,
    PolicySnapshots,
    ArrangementTermsResolver,
    TrajectoryListService,
    DocketService,
    AuditTrailService,
  ],
  exports: [
    TrajectoryGateway,
    TrajectoryReader,
    TrajectoryAccess,
    TrajectoryActions,
    PolicySnapshots,
    ArrangementTermsResolver,
  ],
})
export class TrajectoriesModule {}

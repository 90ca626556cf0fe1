import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { RegisterModule } from '../register/register.module';
import { FamilyController } from './family.controller';
import { FamilySatisfaction } from './family-satisfaction.service';
import { FamilyViews } from './family-view.service';
import { SatisfactionController } from './satisfaction.controller';

/**
 * The family's own part (issue 18): its view of the trajectory and its satisfaction answers; signing and the
 * lead provider are lifecycle routes like every other command.
 */
@Module({
  imports: [TrajectoriesModule, RegisterModule],
  controllers: [FamilyController, SatisfactionController],
  providers: [FamilySatisfaction, FamilyViews],
})
export class FamilyModule {}

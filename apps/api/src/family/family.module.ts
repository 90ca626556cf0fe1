import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { FamilySatisfaction } from './family-satisfaction.service';
import { SatisfactionController } from './satisfaction.controller';

/** The family's own part (issue 18): its satisfaction answers; signing and the lead provider are lifecycle routes. */
@Module({
  imports: [TrajectoriesModule],
  controllers: [SatisfactionController],
  providers: [FamilySatisfaction],
})
export class FamilyModule {}

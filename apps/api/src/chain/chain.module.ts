import { Module } from '@nestjs/common';
import { TrajectoriesModule } from '../trajectories/trajectories.module';
import { ChainController } from './chain.controller';
import { ChainInbound } from './chain-inbound.service';

/** The iJw/iWmo chain adapter (issue 17): messages in and out through the API. */
@Module({
  imports: [TrajectoriesModule],
  controllers: [ChainController],
  providers: [ChainInbound],
})
export class ChainModule {}

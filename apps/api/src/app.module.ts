import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule } from '../../../libs/platform/src';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { PaymentsModule } from './payments/payments.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    TemporalClientModule,
    AuthModule,
    MetricsModule,
    HealthModule,
    TrajectoriesModule,
    PaymentsModule,
  ],
})
export class AppModule {}

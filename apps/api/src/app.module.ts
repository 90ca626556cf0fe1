import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfigModule, DatabaseModule } from '@app/platform';
import { AuthModule } from './auth/auth.module';
import { IdempotencyRetention } from './common/idempotency-retention';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { PaymentsModule } from './payments/payments.module';
import { RegisterModule } from './register/register.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';
import { WebModule } from './web/web.module';

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
    RegisterModule,
    WebModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencyRetention],
})
export class AppModule {}

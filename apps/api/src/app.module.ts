import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfigModule, DatabaseModule } from '@app/platform';
import { AuthModule } from './auth/auth.module';
import { CodecModule } from './codec/codec.module';
import { IdempotencyRetention } from './common/idempotency-retention';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { EventsModule } from './events/events.module';
import { FamilyModule } from './family/family.module';
import { ChainModule } from './chain/chain.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { MetricsModule } from './metrics/metrics.module';
import { PaymentsModule } from './payments/payments.module';
import { PerimeterModule } from './perimeter/perimeter.module';
import { RegisterModule } from './register/register.module';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TrajectoriesModule } from './trajectories/trajectories.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    TemporalClientModule,
    PerimeterModule,
    AuthModule,
    MetricsModule,
    HealthModule,
    TrajectoriesModule,
    FamilyModule,
    IncidentsModule,
    PaymentsModule,
    RegisterModule,
    WebModule,
    CodecModule,
    EventsModule,
    ChainModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, IdempotencyRetention],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { WebAssets } from './web-assets';
import { WebController } from './web.controller';

/** For people: the pages, and the monitoring figures the dashboard draws (GET /monitoring/indicators). */
@Module({
  imports: [MonitoringModule],
  controllers: [WebController],
  providers: [{ provide: WebAssets, useFactory: () => new WebAssets() }],
})
export class WebModule {}

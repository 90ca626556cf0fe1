import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventsModule } from '../events/events.module';
import { HealthController } from './health.controller';

@Module({ imports: [TerminusModule, EventsModule], controllers: [HealthController] })
export class HealthModule {}

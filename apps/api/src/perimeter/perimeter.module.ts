import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AddressLimitMiddleware } from './address-limit.middleware';
import { RateLimits } from './rate-limits';

@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class PerimeterModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AddressLimitMiddleware).forRoutes('*');
  }
}

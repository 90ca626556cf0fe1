import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RateLimits } from './rate-limits';

/** Health checks stay free: an orchestrator probing often must never be told to wait. */
export const RATE_LIMIT_EXEMPT = /^\/health(\/|$)/;

@Injectable()
export class AddressLimitMiddleware implements NestMiddleware {
  constructor(private readonly limits: RateLimits) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    if (RATE_LIMIT_EXEMPT.test(req.originalUrl)) return next();
    try {
      this.limits.address(req);
      next();
    } catch (error) {
      next(error);
    }
  }
}

import { HttpStatus, Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import type { Principal } from '../auth/principal';
import { ApiException } from '../common/domain-errors';
import { SharedRateCounter } from './shared-rate-counter';

/**
 * The API's rate limits (issue 15), per minute and shared by all replicas: requests per address, requests per
 * authenticated caller, and failed authentications per address (token guessing answers 429 after a few dozen
 * tries, before any signature is checked). A refusal is 429 with `Retry-After` until the window ends.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnApplicationShutdown {
  private readonly counter: SharedRateCounter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    db: DataSource,
  ) {
    this.counter = new SharedRateCounter(db);
  }

  onModuleInit(): void {
    this.counter.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.counter.stop();
  }

  /** Every request but health checks, by the client's address. */
  address(req: Request): void {
    this.limit(`addr:${addressOf(req)}`, this.config.perimeter.rateLimitPerAddress, 'from your address');
  }

  /** An authenticated caller, by subject (one case system's API key is one caller wherever it calls from). */
  caller(principal: Principal): void {
    this.limit(
      `sub:${principal.via}:${principal.subject}`,
      this.config.perimeter.rateLimitPerCaller,
      'for you',
    );
  }

  /** Before verifying a credential: an address that failed too often is refused without the work. */
  assertNotGuessing(req: Request): void {
    const key = `fail:${addressOf(req)}`;
    if (this.counter.peek(key) >= this.config.perimeter.rateLimitAuthFailures)
      this.limit(key, 0, 'after failed sign-ins');
  }

  /** A credential that did not verify: counts towards the address's failures. */
  failedAuthentication(req: Request): void {
    this.counter.hit(`fail:${addressOf(req)}`);
  }

  private limit(key: string, max: number, whose: string): void {
    const { count, retryAfterSeconds } = this.counter.hit(key);
    if (count <= max) return;
    throw new ApiException(
      HttpStatus.TOO_MANY_REQUESTS,
      'TOO_MANY_REQUESTS',
      `Too many requests ${whose} in this minute; retry after ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

/** The client's address as Express resolves it (`trust proxy` hops from TRUST_PROXY_HOPS). */
function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

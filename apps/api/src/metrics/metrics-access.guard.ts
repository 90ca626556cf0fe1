import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { ApiException } from '../common/domain-errors';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may scrape `/metrics`: with METRICS_TOKEN set, whoever sends it as a bearer token; without it, only a
 * caller on this machine (the socket's address, never a forwarded one). Metrics name routes and counts, not
 * people, but they show the system's load and errors to whoever reads them.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const token = this.config.perimeter.metricsToken;
    if (token === undefined) {
      if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return true;
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'Metrics are served to this machine only (set METRICS_TOKEN)',
      );
    }
    const sent = Buffer.from(req.header('authorization')?.replace(/^Bearer /, '') ?? '');
    const expected = Buffer.from(token);
    if (sent.length === expected.length && timingSafeEqual(sent, expected)) return true;
    throw new ApiException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'The metrics token is required');
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets `Idempotency-Key`s older than IDEMPOTENCY_RETENTION_HOURS, hourly. Without it the table grows
 * with every POST: in the open-trajectory benchmark it was half of PostgreSQL's bytes per trajectory.
 * Every API replica purges; the DELETE is idempotent, so they need no coordination.
 */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.purge().catch((error: unknown) =>
        this.logger.warn(`purging idempotency keys failed: ${String(error)}`),
      );
    }, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Deletes the keys created before the retention window; returns how many. */
  async purge(now: Date = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.idempotencyRetentionHours * 3_600_000);
    const [, deleted] = (await this.db.query(`DELETE FROM api_idempotency WHERE created_at < $1`, [
      before,
    ])) as [unknown, number];
    return deleted;
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { refreshSteeringRollups, rollupState, type RollupState } from './steering-rollups';

/**
 * Keeps the steering rollups current: every STEERING_REFRESH_SECONDS one API replica rewrites them (the others
 * find the lock taken and skip), and a read that finds them older than twice that — no replica got to it —
 * refreshes before it answers. Steering figures are monthly trends for policy and contract management: minutes
 * of delay cost nothing, while a full rewrite on a schedule stays exact and keeps the bookkeeping transaction
 * of every trajectory free of counters to maintain (bench/README.md, monitoring, gives the refresh's cost).
 */
@Injectable()
export class SteeringRefresh implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SteeringRefresh.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get intervalMs(): number {
    return this.config.steering.refreshSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.refresh(new Date(Date.now() - this.intervalMs / 2), false)
        .catch((error: unknown) =>
          this.logger.warn(`refreshing the steering rollups failed: ${String(error)}`),
        )
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** The rollups as of a refresh no older than twice the interval (or than now, with interval 0). */
  async current(now = new Date()): Promise<RollupState> {
    const notBefore = new Date(now.getTime() - 2 * this.intervalMs);
    const state = await rollupState(this.db);
    if (
      state &&
      state.refreshedAt.getTime() >= notBefore.getTime() &&
      state.stackedThresholdCents === this.config.steering.stackedCostThresholdCents
    ) {
      return state;
    }
    return (await this.refresh(notBefore, true))!;
  }

  private refresh(notBefore: Date, wait: boolean): Promise<RollupState | null> {
    return refreshSteeringRollups(this.db, {
      stackedThresholdCents: this.config.steering.stackedCostThresholdCents,
      notBefore,
      wait,
    });
  }
}

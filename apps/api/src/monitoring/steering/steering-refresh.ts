import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { amsterdamMonth } from '@app/ledger';
import { APP_CONFIG } from '@app/platform';
import { covers, refreshSteeringRollups, rollupState, type RollupState } from './steering-rollups';

/**
 * Keeps the steering rollups current: every STEERING_REFRESH_SECONDS one API replica rewrites them (the others
 * find the lock taken and skip), and a read that finds them older than twice that — no replica got to it —
 * starts a refresh (see `current`). Steering figures are monthly trends for policy and contract management: minutes
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
    this.timer = setInterval(
      () => this.inBackground(new Date(Date.now() - this.intervalMs / 2)),
      this.intervalMs,
    );
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * The rollups to answer from. Merely old ones (no replica refreshed them for twice the interval) answer at once,
   * their `asOf` saying how old, while this process refreshes them behind the answer — a burst of dashboards never
   * queues on the refresh. A read waits only when there is nothing fit to answer from: no rollups yet (or a crash
   * emptied them), another stacking threshold, a new month the rollups do not have yet, or interval 0.
   */
  async current(now = new Date()): Promise<RollupState> {
    const notBefore = new Date(now.getTime() - 2 * this.intervalMs);
    const stackedThresholdCents = this.config.steering.stackedCostThresholdCents;
    const state = await rollupState(this.db);
    const usable =
      state !== null &&
      state.stackedThresholdCents === stackedThresholdCents &&
      amsterdamMonth(state.refreshedAt) === amsterdamMonth(now);
    if (usable && covers(state, { stackedThresholdCents, notBefore })) return state;
    if (usable && this.intervalMs > 0) {
      this.inBackground(notBefore);
      return state;
    }
    // Nothing older than this read will do (a refresh from before a new month began is no use either).
    return (await this.refresh(now, true))!;
  }

  /** One refresh at a time per process, skipped when another replica holds the lock. */
  private inBackground(notBefore: Date): void {
    if (this.running) return;
    this.running = this.refresh(notBefore, false)
      .catch((error: unknown) => this.logger.warn(`refreshing the steering rollups failed: ${String(error)}`))
      .finally(() => (this.running = undefined));
  }

  private refresh(notBefore: Date, wait: boolean): Promise<RollupState | null> {
    return refreshSteeringRollups(this.db, {
      stackedThresholdCents: this.config.steering.stackedCostThresholdCents,
      notBefore,
      wait,
    });
  }
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { pageLinks } from '@app/notify';
import { MailOutbox, WebhookDeliveries, type DeliveryBacklog } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';
import { MetricsService } from '../metrics/metrics.service';

export interface DeliveryStatus {
  /**
   * Age of the oldest transaction holding back PostgreSQL's snapshot horizon (any database of the cluster):
   * the pull feed shows no event younger than it, so a stuck session delays every feed reader.
   */
  feedHorizonSeconds: number;
  /** The oldest due delivery or mail waits longer than DELIVERY_BACKLOG_ALERT_SECONDS: dispatch falls behind. */
  backlogGrowing: boolean;
  eventsWritten: number;
  webhooks: DeliveryBacklog;
  mail: { pending: number; dead: number; oldestDueSeconds: number; unreadNotices: number };
}

/** Scrapes and health checks within this window share one read (several gauges, one /health). */
const CACHE_MS = 2000;

/**
 * The delivery backlog from PostgreSQL, the one truth over all workers: for /health (`delivery`) and for the
 * gauges on /metrics. "Growing" is judged by age, not count: a due item waiting longer than the alert
 * threshold means the dispatchers do not keep up (or none runs); a receiver that is down only adds items that
 * wait for their retry, which do not count as due.
 */
@Injectable()
export class DeliveryStatusService implements OnModuleInit {
  private readonly deliveries: WebhookDeliveries;
  private readonly mail: MailOutbox;
  private cached?: { at: number; status: Promise<DeliveryStatus> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {
    this.deliveries = new WebhookDeliveries(dataSource);
    this.mail = new MailOutbox(dataSource, pageLinks(config.delivery.publicBaseUrl));
  }

  status(): Promise<DeliveryStatus> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.status;
    const status = this.read();
    this.cached = { at: Date.now(), status };
    status.catch(() => (this.cached = undefined));
    return status;
  }

  private async read(): Promise<DeliveryStatus> {
    const [webhooks, mail, [{ written }], [{ horizon }]] = await Promise.all([
      this.deliveries.backlog(),
      this.mail.backlog(),
      this.dataSource.query(`SELECT coalesce(max(position), 0)::text AS written FROM lifecycle_event`),
      this.dataSource.query(
        // clock_timestamp, not now(): a transaction that began after this statement's own would be "younger
        // than now()" and give a negative age.
        `SELECT greatest(coalesce(extract(epoch FROM clock_timestamp() - min(xact_start)), 0), 0)::float AS horizon
         FROM pg_stat_activity WHERE (backend_xid IS NOT NULL OR backend_xmin IS NOT NULL) AND pid <> pg_backend_pid()`,
      ),
    ]);
    const alert = this.config.delivery.backlogAlertSeconds;
    return {
      backlogGrowing: webhooks.oldestDueSeconds > alert || mail.oldestDueSeconds > alert,
      eventsWritten: Number(written),
      feedHorizonSeconds: Number(horizon),
      webhooks,
      mail,
    };
  }

  onModuleInit(): void {
    const registers = [this.metrics.registry];
    const read = () => this.status();
    // A scrape must not fail because the database is away: the gauges are then absent for that scrape.
    const gauge = (
      name: string,
      help: string,
      labelNames: string[],
      set: (g: Gauge, s: DeliveryStatus) => void,
    ) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        collect: async function (this: Gauge) {
          const status = await read().catch(() => undefined);
          if (status) set(this, status);
        },
      });
    gauge('lifecycle_events_written', 'Lifecycle events written to the event stream (all time)', [], (g, s) =>
      g.set(s.eventsWritten),
    );
    gauge(
      'webhook_deliveries',
      'Webhook deliveries by state: due now, pending (incl. waiting for a retry or paused), dead letters',
      ['state'],
      (g, s) => {
        g.set({ state: 'due' }, s.webhooks.dueNow);
        g.set({ state: 'pending' }, s.webhooks.pending);
        g.set({ state: 'dead' }, s.webhooks.dead);
      },
    );
    gauge(
      'webhook_deliveries_delivered_15m',
      'Webhook deliveries delivered in the last 15 minutes',
      [],
      (g, s) => g.set(s.webhooks.deliveredLast15Minutes),
    );
    gauge(
      'webhook_delivery_lag_seconds',
      'From event written to delivered, over the deliveries of the last 15 minutes',
      ['quantile'],
      (g, s) => {
        if (s.webhooks.lagSecondsP50 !== null) g.set({ quantile: '0.5' }, s.webhooks.lagSecondsP50);
        if (s.webhooks.lagSecondsP99 !== null) g.set({ quantile: '0.99' }, s.webhooks.lagSecondsP99);
      },
    );
    gauge('webhook_delivery_oldest_due_seconds', 'How long the oldest due delivery has waited', [], (g, s) =>
      g.set(s.webhooks.oldestDueSeconds),
    );
    gauge(
      'lifecycle_feed_horizon_seconds',
      'Age of the oldest open transaction: GET /events shows no event younger than it (alert when it grows)',
      [],
      (g, s) => g.set(s.feedHorizonSeconds),
    );
    gauge('mail_messages', 'Mail in the outbox by state (pending, dead)', ['state'], (g, s) => {
      g.set({ state: 'pending' }, s.mail.pending);
      g.set({ state: 'dead' }, s.mail.dead);
    });
    gauge('notifications_unread', 'Notices not yet turned into mail', [], (g, s) =>
      g.set(s.mail.unreadNotices),
    );
    gauge(
      'delivery_backlog_growing',
      '1 when a due delivery or mail waits longer than the alert threshold',
      [],
      (g, s) => g.set(s.backlogGrowing ? 1 : 0),
    );
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { pageLinks } from '@app/notify';
import { MailOutbox, WebhookDeliveries } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';

const HOURLY = 3_600_000;

/**
 * Keeps the delivery tables at the size of recent work: every hour, deliveries delivered and mail sent more than
 * `DELIVERY_RETENTION_DAYS` ago are deleted (what a receiver got is its own record by then; the events stay in
 * the feed). Several workers may run it at once; a row is deleted once.
 */
@Injectable()
export class DeliveryRetention implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetention.name);
  private readonly deliveries: WebhookDeliveries;
  private readonly mail: MailOutbox;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dataSource: DataSource,
  ) {
    this.deliveries = new WebhookDeliveries(dataSource);
    this.mail = new MailOutbox(dataSource, pageLinks(config.delivery.publicBaseUrl));
  }

  start(): void {
    this.timer = setInterval(() => void this.purge().catch(() => undefined), HOURLY);
    this.timer.unref();
  }

  async purge(): Promise<{ deliveries: number; mails: number }> {
    const days = this.config.delivery.retentionDays;
    const purged = {
      deliveries: await this.deliveries.purgeDelivered(days),
      mails: await this.mail.purgeSent(days),
    };
    if (purged.deliveries + purged.mails > 0)
      this.logger.log({ msg: 'delivery history purged', days, ...purged });
    return purged;
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

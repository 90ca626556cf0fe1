import { Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { DeliveryRetention } from './delivery-retention';
import { DigestScheduler } from './digest-scheduler';
import { MailDispatcher } from './mail-dispatcher';
import { OutboxWakeup } from './outbox-wakeup';
import { WebhookDispatcher } from './webhook-dispatcher';

/** Starts the dispatchers when the worker has booted, unless `DELIVERY_ENABLED=false`. */
@Injectable()
export class DeliveryStarter implements OnApplicationBootstrap {
  private readonly logger = new Logger('Delivery');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wakeup: OutboxWakeup,
    private readonly webhooks: WebhookDispatcher,
    private readonly mail: MailDispatcher,
    private readonly digests: DigestScheduler,
    private readonly retention: DeliveryRetention,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.delivery.enabled) return;
    // Without the listener the loops still poll; delivery must not wait for it.
    await this.wakeup
      .start()
      .catch((error: Error) =>
        this.logger.warn({ msg: 'outbox listener not started; polling only', error: error.message }),
      );
    this.webhooks.start();
    this.mail.start();
    this.digests.start();
    this.retention.start();
    this.logger.log({
      msg: 'delivery started',
      smtp: this.config.delivery.mail.smtpUrl ? 'configured' : 'none',
    });
  }
}

/** Events, webhooks and mail (issue 16): the worker side. */
@Module({
  providers: [
    OutboxWakeup,
    WebhookDispatcher,
    MailDispatcher,
    DigestScheduler,
    DeliveryRetention,
    DeliveryStarter,
  ],
})
export class DeliveryModule {}

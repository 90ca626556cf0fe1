import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KeyRing, SecretBox } from '@app/codec';
import { AppConfig } from '@app/config';
import { nextRetryDelay } from '@app/notify';
import { WebhookDeliveries, type ClaimedDelivery } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';
import { DispatchLoop } from './dispatch-loop';
import { OutboxWakeup } from './outbox-wakeup';
import { WebhookSender, type SendOutcome } from './webhook-sender';

/** Deliveries one worker has in flight at once; each is the head of its own (subscription, trajectory). */
const BATCH = 16;

/**
 * Sends the queued webhook deliveries (issue 16): claims due heads, signs and POSTs them, and records the
 * outcome — delivered, retry later by the schedule, or a dead letter. A crash between the POST and the record
 * leaves the lease to lapse, after which the delivery is sent again (at least once; receivers de-duplicate on
 * `webhook-id`).
 */
@Injectable()
export class WebhookDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly deliveries: WebhookDeliveries;
  private readonly secrets: SecretBox;
  private readonly sender: WebhookSender;
  private readonly loop: DispatchLoop;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dataSource: DataSource,
    wakeup: OutboxWakeup,
  ) {
    this.deliveries = new WebhookDeliveries(dataSource);
    this.secrets = new SecretBox(new KeyRing(config.payloadKeys));
    this.sender = new WebhookSender({
      timeoutMs: config.delivery.webhookTimeoutMs,
      allowPrivateTargets: config.delivery.allowPrivateTargets,
    });
    this.loop = new DispatchLoop(
      'webhook dispatcher',
      'webhook',
      () => this.step(),
      wakeup,
      config.delivery.pollMs,
      this.logger,
    );
  }

  start(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  private async step(): Promise<boolean> {
    // The lease outlives one attempt's time limit, so a live attempt is never sent twice at once.
    const claimed = await this.deliveries.claim(BATCH, this.config.delivery.webhookTimeoutMs + 5000);
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length > 0;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const outcome = await this.attempt(delivery);
    if (outcome.ok) {
      await this.deliveries.delivered(delivery, outcome.statusCode ?? 200);
      return;
    }
    if (outcome.statusCode === 410) {
      await this.deliveries.receiverGone(delivery);
      this.logger.warn({
        msg: 'webhook receiver answered 410 Gone; subscription paused',
        subscriptionId: delivery.subscriptionId,
      });
      return;
    }
    const retryIn = nextRetryDelay(this.config.delivery.webhookRetrySchedule, delivery.attempts);
    await this.deliveries.failed(delivery, outcome, retryIn);
    if (retryIn === undefined) {
      this.logger.warn({
        msg: 'webhook delivery is a dead letter',
        deliveryId: delivery.id,
        subscriptionId: delivery.subscriptionId,
        eventId: delivery.event.id,
        attempts: delivery.attempts,
        error: outcome.error,
      });
    }
  }

  /**
   * One attempt, never throwing: a secret that cannot be opened (its payload key removed from the ring) is a
   * failed attempt like a refused connection, so it ends as a dead letter instead of blocking the trajectory.
   */
  private async attempt(delivery: ClaimedDelivery): Promise<SendOutcome> {
    let secrets: string[];
    try {
      secrets = [delivery.secretSealed, delivery.previousSecretSealed]
        .filter((s): s is string => s !== null)
        .map((s) => this.secrets.open(s));
    } catch (error) {
      return { ok: false, statusCode: null, error: `signing secret unreadable: ${(error as Error).message}` };
    }
    return this.sender
      .send(delivery.url, secrets, delivery.event.id, JSON.stringify(delivery.event))
      .catch((error: Error) => ({ ok: false, statusCode: null, error: error.message.slice(0, 200) }));
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { amsterdamClock } from '@app/notify';
import { APP_CONFIG } from '@app/platform';
import { MailDispatcher } from './mail-dispatcher';
import { OutboxWakeup } from './outbox-wakeup';

/**
 * The daily digest: once the local hour reaches `DIGEST_HOUR`, composes that day's digests — once per day over
 * all workers (the `digest_run` row) — and wakes the mail dispatcher to send them.
 */
@Injectable()
export class DigestScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DigestScheduler.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailDispatcher,
    private readonly wakeup: OutboxWakeup,
  ) {}

  start(): void {
    const tick = () =>
      void this.tick().catch((error: Error) =>
        this.logger.warn({ msg: 'digest failed', error: error.message }),
      );
    tick();
    this.timer = setInterval(tick, 60_000);
    this.timer.unref();
  }

  async tick(now = new Date()): Promise<number> {
    const { day, hour } = amsterdamClock(now);
    if (hour < this.config.delivery.mail.digestHour) return 0;
    const composed = await this.mail.outbox.composeDigests(day, { once: true });
    if (composed > 0) {
      this.logger.log({ msg: 'daily digests composed', day, mails: composed });
      this.wakeup.wakeAll();
    }
    return composed;
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

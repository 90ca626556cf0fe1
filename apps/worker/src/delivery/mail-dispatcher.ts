import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { nextRetryDelay, pageLinks } from '@app/notify';
import { MailOutbox, type ClaimedMail } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';
import { DispatchLoop } from './dispatch-loop';
import { OutboxWakeup } from './outbox-wakeup';
import { SmtpMailer, type SmtpSettings } from './smtp-mailer';

const MAIL_LEASE_MS = 120_000;
/** Notices composed per step (one transaction). */
const COMPOSE_BATCH = 100;

/**
 * Mail for people (issue 16): turns new notices into mails for the contacts behind their role, and sends the
 * mail outbox over SMTP with retries. Without `SMTP_URL` the mails are composed and wait (the backlog shows
 * on /health), so configuring SMTP later sends them.
 */
@Injectable()
export class MailDispatcher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MailDispatcher.name);
  readonly outbox: MailOutbox;
  private readonly mailer?: SmtpMailer;
  private readonly loop: DispatchLoop;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dataSource: DataSource,
    wakeup: OutboxWakeup,
  ) {
    this.outbox = new MailOutbox(dataSource, pageLinks(config.delivery.publicBaseUrl));
    const smtp = config.delivery.mail.smtpUrl;
    if (smtp) this.mailer = new SmtpMailer(smtpSettings(smtp, config.delivery.mail.from));
    this.loop = new DispatchLoop(
      'mail dispatcher',
      'mail',
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
    this.mailer?.close();
  }

  private async step(): Promise<boolean> {
    const { handled, unrendered } = await this.outbox.composeNotices(COMPOSE_BATCH);
    if (unrendered.length > 0) this.logger.warn({ msg: 'notices without a mail text', notices: unrendered });
    // Busy again at once only when the batch was full: a notice committed meanwhile wakes the loop anyway
    // (OutboxWakeup keeps a wake-up that came while it was busy), so no empty compose after each one.
    const more = handled >= COMPOSE_BATCH;
    if (!this.mailer) return more;
    // One at a time, with a lease longer than the slowest send (connect 10 s + greeting 10 s + socket 60 s), so
    // no other worker takes a mail over while this one is still sending it.
    const claimed = await this.outbox.claim(1, MAIL_LEASE_MS);
    for (const mail of claimed) await this.send(this.mailer, mail);
    return more || claimed.length > 0;
  }

  private async send(mailer: SmtpMailer, mail: ClaimedMail): Promise<void> {
    try {
      await mailer.send({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        language: mail.language,
        // Stable per mail: a mail sent again after a crash carries the same Message-ID.
        messageId: `<${createHash('sha256').update(mail.dedupeKey).digest('hex').slice(0, 32)}@perspectiefplan>`,
      });
      await this.outbox.sent(mail);
    } catch (error) {
      const retryIn = nextRetryDelay(this.config.delivery.mail.retrySchedule, mail.attempts);
      await this.outbox.failed(mail, (error as Error).message, retryIn);
      if (retryIn === undefined) this.logger.warn({ msg: 'mail given up', mailId: mail.id });
    }
  }
}

/** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
export function smtpSettings(url: string, from: string): SmtpSettings {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    from,
  };
}

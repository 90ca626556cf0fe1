import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@app/config';
import { OUTBOX_CHANNEL } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';

/**
 * LISTENs on the outbox channel: a bookkeeping commit that queued events wakes the dispatchers at once, so
 * the delivery lag is the receiver's, not a poll interval's. Best effort by design: a lost notification (or
 * a lost connection, re-opened after a pause) only costs one poll interval, never an event.
 */
@Injectable()
export class OutboxWakeup implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWakeup.name);
  private client?: Client;
  private readonly waiters = new Set<() => void>();
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async start(): Promise<void> {
    if (this.closed || this.client) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'outbox-wakeup',
    });
    client.on('notification', () => this.wakeAll());
    client.on('error', (error) => {
      this.logger.warn({ msg: 'outbox listener lost its connection', error: error.message });
      this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.start().catch(() => undefined), 2000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      // Shut down while connecting: close what was just opened.
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.start().catch(() => undefined), 2000).unref();
      throw error;
    }
  }

  /** Resolves at the next notification or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  /** Wakes every waiting loop, e.g. on shutdown. */
  wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await this.client?.end().catch(() => undefined);
  }
}

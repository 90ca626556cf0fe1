import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@app/config';
import { OUTBOX_CHANNEL, OUTBOX_TOPICS, type OutboxTopic } from '@app/persistence';
import { APP_CONFIG } from '@app/platform';

/**
 * LISTENs on the outbox channel: a commit that gave a dispatcher work wakes it at once, so the delivery lag
 * is the receiver's, not a poll interval's. Only the dispatchers the payload names (`OutboxTopic`) wake; a
 * payload it does not know (an older writer's `event`) wakes all. Best effort by design: a lost notification
 * (or a lost connection, re-opened after a pause) only costs one poll interval, never an event.
 */
@Injectable()
export class OutboxWakeup implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWakeup.name);
  private client?: Client;
  private readonly waiters = new Map<() => void, OutboxTopic>();
  /** Topics notified while their loop was busy (not waiting): its next wait returns at once. */
  private readonly missed = new Set<OutboxTopic>();
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async start(): Promise<void> {
    if (this.closed || this.client) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'outbox-wakeup',
    });
    client.on('notification', (message) => this.wake(topicsOf(message.payload)));
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

  /**
   * Resolves at the next notification for `topic` or after `ms`, whichever comes first; at once when one
   * came while the loop was busy, so a commit during a dispatcher's step is not left to the next poll.
   */
  wait(ms: number, topic: OutboxTopic): Promise<void> {
    if (this.missed.delete(topic)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.set(done, topic);
    });
  }

  /** Wakes every waiting loop, e.g. on shutdown. */
  wakeAll(): void {
    this.wake(OUTBOX_TOPICS);
  }

  private wake(topics: readonly OutboxTopic[]): void {
    const waiting = [...this.waiters];
    for (const topic of topics) if (!waiting.some(([, t]) => t === topic)) this.missed.add(topic);
    for (const [waiter, topic] of waiting) if (topics.includes(topic)) waiter();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    await this.client?.end().catch(() => undefined);
  }
}

/** The topics a notification's payload names; all of them for a payload without a known one. */
export function topicsOf(payload: string | undefined): readonly OutboxTopic[] {
  const named = (payload ?? '')
    .split(',')
    .filter((t): t is OutboxTopic => OUTBOX_TOPICS.includes(t as OutboxTopic));
  return named.length > 0 ? named : OUTBOX_TOPICS;
}

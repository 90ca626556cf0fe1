import type { Logger } from '@nestjs/common';
import type { OutboxTopic } from '@app/persistence';
import type { OutboxWakeup } from './outbox-wakeup';

/**
 * The shape every dispatcher shares: run `step` while it finds work, then sleep until a commit wakes it or
 * the poll interval passes; on an error (database away) log once per streak and back off up to 10 s.
 */
export class DispatchLoop {
  private stopping = false;
  private running?: Promise<void>;

  constructor(
    private readonly name: string,
    /** The wake-ups it listens for (`OutboxWakeup`). */
    private readonly topic: OutboxTopic,
    private readonly step: () => Promise<boolean>,
    private readonly wakeup: OutboxWakeup,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.wakeAll();
    await this.running;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const busy = await this.step();
        if (failures > 0) this.logger.log({ msg: `${this.name} recovered`, after: failures });
        failures = 0;
        if (!busy && !this.stopping) await this.wakeup.wait(this.pollMs, this.topic);
      } catch (error) {
        if (failures === 0) {
          this.logger.warn({ msg: `${this.name} failed; retrying`, error: (error as Error).message });
        }
        failures += 1;
        if (!this.stopping)
          await this.wakeup.wait(Math.min(10_000, this.pollMs * 2 ** Math.min(failures, 4)), this.topic);
      }
    }
  }
}

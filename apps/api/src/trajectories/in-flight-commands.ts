import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../common/domain-errors';

/**
 * Commands on one trajectory run one after another inside its workflow (each an Update with its own workflow
 * task and bookkeeping write), so a crowd of concurrent callers on one trajectory only queues up until the
 * call deadline and then fails with a slow 503. Past a small number in flight per trajectory this API
 * process answers at once with 429 and `Retry-After: 1` instead. Per process: with several replicas the bound
 * is per replica, which still keeps each caller's answer fast.
 */
export const MAX_IN_FLIGHT_PER_TRAJECTORY = 4;

export class InFlightCommands {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit = MAX_IN_FLIGHT_PER_TRAJECTORY) {}

  async run<T>(trajectoryId: string, call: () => Promise<T>): Promise<T> {
    const current = this.counts.get(trajectoryId) ?? 0;
    if (current >= this.limit) {
      throw new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        'TOO_MANY_REQUESTS',
        `${current} commands on this trajectory are still being processed; retry shortly`,
        { retryAfterSeconds: 1 },
      );
    }
    this.counts.set(trajectoryId, current + 1);
    try {
      return await call();
    } finally {
      const left = (this.counts.get(trajectoryId) ?? 1) - 1;
      if (left === 0) this.counts.delete(trajectoryId);
      else this.counts.set(trajectoryId, left);
    }
  }
}

/**
 * Restart delays for a supervised process: `initialMs`, doubling up to `maxMs`. A run that had been healthy
 * for at least `resetAfterMs` when it ended starts the sequence over, so a crash an hour after the last one
 * waits `initialMs` again, while a process that crashes right after every start is retried ever more slowly.
 */
export class RestartBackoff {
  constructor({ initialMs = 1000, maxMs = 30000, resetAfterMs = 60000 } = {}) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.resetAfterMs = resetAfterMs;
    this.nextMs = initialMs;
  }

  /** The delay before the next start, given how long the run that just ended had been healthy (0: never). */
  delayAfter(healthyForMs) {
    if (healthyForMs >= this.resetAfterMs) this.nextMs = this.initialMs;
    const delay = this.nextMs;
    this.nextMs = Math.min(this.nextMs * 2, this.maxMs);
    return delay;
  }
}

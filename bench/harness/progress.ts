/**
 * One progress line for long runs: redrawn in place with `\r` on a terminal, a plain line every
 * `plainEveryMs` otherwise (CI logs, `| tee`). Writes to stderr so stdout stays the result table.
 */
export class Progress {
  private readonly startedAt = Date.now();
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly plainEveryMs = 10_000,
  ) {}

  update(done: number, failed = 0, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < (this.tty ? 250 : this.plainEveryMs)) return;
    this.lastDraw = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (this.total - done) / rate : Infinity;
    const line =
      `${this.label}: ${done}/${this.total} (${((done / this.total) * 100).toFixed(0)}%)` +
      `${failed ? `, ${failed} failed` : ''}, ${rate.toFixed(1)}/s, ${seconds.toFixed(0)} s elapsed` +
      (Number.isFinite(eta) && done < this.total ? `, ~${eta.toFixed(0)} s left` : '');
    process.stderr.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  finish(done: number, failed = 0): void {
    this.update(done, failed, true);
    if (this.tty) process.stderr.write('\n');
  }
}

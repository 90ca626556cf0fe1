import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** One-minute windows: the unit of every limit of this API. */
export const WINDOW_MS = 60_000;

/** How often a replica adds its counts to the shared table and learns the others' (bounds the overshoot). */
const FLUSH_MS = 250;

/** Windows older than this are deleted by whichever replica flushes first after a minute. */
const KEEP_WINDOWS = 5;

export interface Hit {
  /** Hits in this window across all replicas, as far as this replica knows, including this one. */
  count: number;
  /** Seconds until the window ends (the `Retry-After` of a refusal). */
  retryAfterSeconds: number;
}

/**
 * Request counts per key and minute, shared by every API replica through PostgreSQL (table
 * `rate_limit_window`) without a database round trip per request: each replica counts locally and, every
 * 250 ms, adds its new hits in one upsert that returns the totals of all replicas. A limit therefore holds
 * across replicas, overshooting by at most what the other replicas admitted in the last 250 ms. Keys are
 * hashed (an address or a subject is personal data); if the database is away, counting stays local.
 */
export class SharedRateCounter {
  private readonly pending = new Map<string, number>();
  private readonly totals = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private lastCleanup = 0;

  constructor(private readonly db: DataSource) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  hit(key: string, now = Date.now()): Hit {
    const windowStart = now - (now % WINDOW_MS);
    const bucket = `${hashed(key)}|${windowStart}`;
    const pending = (this.pending.get(bucket) ?? 0) + 1;
    this.pending.set(bucket, pending);
    return {
      count: (this.totals.get(bucket) ?? 0) + pending,
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000)),
    };
  }

  /** The count of `key` in this window without adding a hit. */
  peek(key: string, now = Date.now()): number {
    const windowStart = now - (now % WINDOW_MS);
    const bucket = `${hashed(key)}|${windowStart}`;
    return (this.totals.get(bucket) ?? 0) + (this.pending.get(bucket) ?? 0);
  }

  /** Adds the local counts to the shared table; the next hits see every replica's total. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async write(): Promise<void> {
    const now = Date.now();
    const current = now - (now % WINDOW_MS);
    for (const bucket of this.totals.keys()) {
      if (Number(bucket.split('|')[1]) < current) this.totals.delete(bucket);
    }
    if (this.pending.size === 0) return;
    const batch = [...this.pending.entries()];
    this.pending.clear();
    const buckets = batch.map(([b]) => b.split('|')[0]);
    const windows = batch.map(([b]) => new Date(Number(b.split('|')[1])).toISOString());
    const hits = batch.map(([, n]) => n);
    try {
      const rows: Array<{ bucket: string; window_start: Date; hits: number }> = await this.db.query(
        `INSERT INTO rate_limit_window (bucket, window_start, hits)
           SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::int[])
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + EXCLUDED.hits
         RETURNING bucket, window_start, hits`,
        [buckets, windows, hits],
      );
      for (const row of rows) this.totals.set(`${row.bucket}|${row.window_start.getTime()}`, row.hits);
      if (now - this.lastCleanup > WINDOW_MS) {
        this.lastCleanup = now;
        await this.db.query(`DELETE FROM rate_limit_window WHERE window_start < $1`, [
          new Date(current - KEEP_WINDOWS * WINDOW_MS),
        ]);
      }
    } catch {
      // Database away: keep the counts as local totals so this replica still limits on its own.
      for (const [bucket, n] of batch) this.totals.set(bucket, (this.totals.get(bucket) ?? 0) + n);
    }
  }
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

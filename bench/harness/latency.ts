import { performance } from 'node:perf_hooks';
import { round } from './resource-monitor';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Latencies per named operation (an endpoint, an update, a whole trajectory), in milliseconds.
 * Keeps every sample: a run has at most a few hundred thousand, and exact percentiles need no bucket
 * tuning. Percentiles are nearest-rank.
 */
export class LatencyRecorder {
  private readonly samples = new Map<string, number[]>();

  record(operation: string, ms: number): void {
    let list = this.samples.get(operation);
    if (!list) this.samples.set(operation, (list = []));
    list.push(ms);
  }

  /** Times `fn` under `operation`; failures are timed too, under `<operation> (failed)`. */
  async time<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await fn();
      this.record(operation, performance.now() - started);
      return result;
    } catch (error) {
      this.record(`${operation} (failed)`, performance.now() - started);
      throw error;
    }
  }

  summary(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    for (const [operation, list] of this.samples) out[operation] = summarise(list);
    return out;
  }
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: round(at(0.5) ?? 0, 1),
    p95: round(at(0.95) ?? 0, 1),
    p99: round(at(0.99) ?? 0, 1),
    max: round(sorted[sorted.length - 1] ?? 0, 1),
    mean: round(sorted.length ? sum / sorted.length : 0, 1),
  };
}

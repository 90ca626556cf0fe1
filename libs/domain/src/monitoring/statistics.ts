/** Small, exact statistics for the monitoring figures; every figure is rounded here, once. */

const DAY_MS = 86_400_000;

export interface DurationStats {
  n: number;
  medianDays: number | null;
  p90Days: number | null;
  meanDays: number | null;
}

/** Nearest-rank percentile (p in 0..1) of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** The middle value (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** A share rounded to 4 decimals; null when there is nothing to divide by. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator, 4);
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function roundOrNull(value: number | null, decimals: number): number | null {
  return value === null ? null : round(value, decimals);
}

/** Calendar days from `from` to `to`, or null when either is missing or the order is reversed. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const d = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  return Number.isNaN(d) || d < 0 ? null : d;
}

/** n, median, p90 and mean of durations in days, rounded to 2 decimals. */
export function durationStats(days: readonly number[]): DurationStats {
  const sorted = [...days].sort((a, b) => a - b);
  return {
    n: sorted.length,
    medianDays: roundOrNull(median(sorted), 2),
    p90Days: roundOrNull(percentile(sorted, 0.9), 2),
    meanDays: roundOrNull(mean(sorted), 2),
  };
}

/** Groups items by a key, in first-seen order sorted by key (null last), so output is stable. */
export function groupBy<T, K extends string | null>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => compareKeys(a, b));
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * K-F3, the intensity mix: a provider whose decisions lean far more to the heavy intensities than the region's
 * may be upcoding ([001:L301], [001:L388]). The distance between two mixes is the total variation distance,
 * ½ Σ |p_i − r_i| over the intensities: 0 for the same mix, 1 for mixes with nothing in common.
 */
export type IntensityCounts = Readonly<Record<string, number>>;

export function shares(counts: IntensityCounts): Record<string, number> {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return {};
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / total]));
}

/** null when either side has no decisions in force (nothing to compare). */
export function mixDeviation(provider: IntensityCounts, region: IntensityCounts): number | null {
  const p = shares(provider);
  const r = shares(region);
  if (Object.keys(p).length === 0 || Object.keys(r).length === 0) return null;
  const keys = new Set([...Object.keys(p), ...Object.keys(r)]);
  let sum = 0;
  for (const k of keys) sum += Math.abs((p[k] ?? 0) - (r[k] ?? 0));
  return Math.round((sum / 2) * 10_000) / 10_000;
}

/**
 * Product decision: a mix is compared only from this many decisions in force at the provider; below it one
 * heavy case moves the shares so much that a signal would be noise.
 */
export const MIN_DECISIONS_FOR_MIX_SIGNAL = 10;

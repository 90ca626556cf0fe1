import type { MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { inPeriod } from './monitoring-facts';
import { mean, rate, roundOrNull } from './statistics';

/**
 * K-P2 plan round trips (domain.md §6.6, [001:L265] "onnodig heen en weer"): the local team's
 * CHANGES_REQUESTED answers per plan, for the plans first decided in the period.
 */
export interface RoundTripFigures {
  plans: number;
  meanRoundTrips: number | null;
  maxRoundTrips: number | null;
  /** Share of plans that went back at least once. */
  returnedShare: number | null;
  distribution: { roundTrips: number; plans: number }[];
}

export function roundTripFigures(
  trajectories: readonly TrajectoryFact[],
  period: MonitoringPeriod,
): RoundTripFigures {
  const counts = trajectories
    .filter((t) => t.firstSubmittedAt !== null && inPeriod(t.decidedAt, period))
    .map((t) => t.changesRequested);
  const byCount = new Map<number, number>();
  for (const c of counts) byCount.set(c, (byCount.get(c) ?? 0) + 1);
  return {
    plans: counts.length,
    meanRoundTrips: roundOrNull(mean(counts), 2),
    maxRoundTrips: counts.length === 0 ? null : Math.max(...counts),
    returnedShare: rate(counts.filter((c) => c > 0).length, counts.length),
    distribution: [...byCount.entries()]
      .sort(([a], [b]) => a - b)
      .map(([roundTrips, plans]) => ({ roundTrips, plans })),
  };
}

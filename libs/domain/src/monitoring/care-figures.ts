import type { ScalingDirection } from '../payments';
import type { CareEventFact, MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { inPeriod } from './monitoring-facts';
import { groupBy, rate } from './statistics';

/**
 * Evaluations (domain.md §6.6): K-P6 overdue evaluations, both now (trajectories still past their evaluation
 * deadline, whatever the period) and as events (the overdue timer fired in the period); K-P7 local team
 * participation = evaluations recorded in the period with the local team present ÷ all recorded in it.
 */
export interface EvaluationFigures {
  overdueNow: number;
  overdueEvents: number;
  recorded: number;
  localTeamParticipated: number;
  localTeamParticipationRate: number | null;
  byProvider: { providerId: string | null; overdueNow: number; overdueEvents: number; recorded: number }[];
}

/**
 * K-Q3 scaling (op- en afschalen, domain.md §3.8): approved arrangement changes in the period by direction
 * (by the local team, or settled by the breakthrough table), with the share of scale-downs.
 */
export interface ScalingFigures {
  up: number;
  down: number;
  lateral: number;
  downShare: number | null;
  byProvider: { providerId: string | null; up: number; down: number; lateral: number }[];
}

type Evaluated = Extract<CareEventFact, { kind: 'EVALUATION_RECORDED' }>;
type Scaled = Extract<CareEventFact, { kind: 'SCALED' }>;

function providerIndex(trajectories: readonly TrajectoryFact[]): (trajectoryId: string) => string | null {
  const byId = new Map(trajectories.map((t) => [t.trajectoryId, t.providerId]));
  return (id) => byId.get(id) ?? null;
}

export function evaluationFigures(
  trajectories: readonly TrajectoryFact[],
  events: readonly CareEventFact[],
  period: MonitoringPeriod,
): EvaluationFigures {
  const providerOf = providerIndex(trajectories);
  const overdueNow = trajectories.filter((t) => t.evaluationOverdue && t.status !== 'CLOSED');
  const inScope = events.filter((e) => inPeriod(e.at, period));
  const overdueEvents = inScope.filter((e) => e.kind === 'EVALUATION_OVERDUE');
  const recorded = inScope.filter((e): e is Evaluated => e.kind === 'EVALUATION_RECORDED');
  const participated = recorded.filter((e) => e.localTeamParticipated === true).length;
  const providers = groupBy(
    [
      ...overdueNow.map((t) => ({ providerId: t.providerId, what: 'now' as const })),
      ...overdueEvents.map((e) => ({ providerId: providerOf(e.trajectoryId), what: 'event' as const })),
      ...recorded.map((e) => ({ providerId: providerOf(e.trajectoryId), what: 'recorded' as const })),
    ],
    (x) => x.providerId,
  );
  return {
    overdueNow: overdueNow.length,
    overdueEvents: overdueEvents.length,
    recorded: recorded.length,
    localTeamParticipated: participated,
    localTeamParticipationRate: rate(participated, recorded.length),
    byProvider: providers.map(([providerId, xs]) => ({
      providerId,
      overdueNow: xs.filter((x) => x.what === 'now').length,
      overdueEvents: xs.filter((x) => x.what === 'event').length,
      recorded: xs.filter((x) => x.what === 'recorded').length,
    })),
  };
}

function countDirections(events: readonly Scaled[]): Record<'up' | 'down' | 'lateral', number> {
  const n = (d: ScalingDirection) => events.filter((e) => e.direction === d).length;
  return { up: n('UP'), down: n('DOWN'), lateral: n('LATERAL') };
}

export function scalingFigures(
  trajectories: readonly TrajectoryFact[],
  events: readonly CareEventFact[],
  period: MonitoringPeriod,
): ScalingFigures {
  const providerOf = providerIndex(trajectories);
  const scaled = events.filter((e): e is Scaled => e.kind === 'SCALED' && inPeriod(e.at, period));
  const all = countDirections(scaled);
  return {
    ...all,
    downShare: rate(all.down, all.up + all.down),
    byProvider: groupBy(scaled, (e) => providerOf(e.trajectoryId)).map(([providerId, group]) => ({
      providerId,
      ...countDirections(group),
    })),
  };
}

import type { MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { inPeriod } from './monitoring-facts';
import { groupBy, mean, rate, roundOrNull } from './statistics';

/**
 * The three mandatory outcome indicators (domain.md §6.1, [001:L406]) over the trajectories CLOSED in the
 * period: K-O1 dropout = EARLY_DROPOUT ÷ closed; K-O2 goal attainment = mean of the per-trajectory
 * attainment (partial counts 0.5, recorded at closure); K-O3 client satisfaction = POSITIVE ÷ (POSITIVE +
 * NEGATIVE) answers, NOT_ASKED excluded.
 */
export interface OutcomeFigures {
  closed: number;
  dropouts: number;
  dropoutRate: number | null;
  /** Closed trajectories whose attainment was assessed (the K-O2 denominator). */
  goalAttainmentMeasured: number;
  goalAttainment: number | null;
  satisfactionRespondents: number;
  satisfactionPositive: number;
  clientSatisfaction: number | null;
}

export interface ProviderOutcomeFigures extends OutcomeFigures {
  /** null: closed before a lead provider was known. */
  providerId: string | null;
}

export interface OutcomeSection {
  overall: OutcomeFigures;
  byProvider: ProviderOutcomeFigures[];
}

export function closedIn(
  trajectories: readonly TrajectoryFact[],
  period: MonitoringPeriod,
): TrajectoryFact[] {
  return trajectories.filter((t) => t.status === 'CLOSED' && inPeriod(t.closedAt, period));
}

export function outcomeFigures(closed: readonly TrajectoryFact[]): OutcomeFigures {
  const dropouts = closed.filter((t) => t.closureReason === 'EARLY_DROPOUT').length;
  const attainments = closed
    .map((t) => t.outcome?.goalAttainment ?? null)
    .filter((a): a is number => a !== null);
  const answers = closed.map((t) => t.outcome?.clientSatisfaction ?? 'NOT_ASKED');
  const positive = answers.filter((a) => a === 'POSITIVE').length;
  const respondents = positive + answers.filter((a) => a === 'NEGATIVE').length;
  return {
    closed: closed.length,
    dropouts,
    dropoutRate: rate(dropouts, closed.length),
    goalAttainmentMeasured: attainments.length,
    goalAttainment: roundOrNull(mean(attainments), 4),
    satisfactionRespondents: respondents,
    satisfactionPositive: positive,
    clientSatisfaction: rate(positive, respondents),
  };
}

export function outcomeSection(
  trajectories: readonly TrajectoryFact[],
  period: MonitoringPeriod,
): OutcomeSection {
  const closed = closedIn(trajectories, period);
  return {
    overall: outcomeFigures(closed),
    byProvider: groupBy(closed, (t) => t.providerId).map(([providerId, group]) => ({
      providerId,
      ...outcomeFigures(group),
    })),
  };
}

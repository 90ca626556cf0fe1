import type { EscalationFact, MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { inPeriod } from './monitoring-facts';
import { daysBetween, durationStats, type DurationStats } from './statistics';

/** One stage of the lifecycle whose duration is measured, in calendar days. */
export interface LeadTimeFigures extends DurationStats {
  stage: LeadTimeStage;
}

export type LeadTimeStage =
  'INTAKE_TO_DECISION' | 'FIRST_SUBMISSION_TO_APPROVAL' | 'TABLE_RAISED_TO_DECISION' | 'DECISION_TO_START';

interface StageDefinition {
  stage: LeadTimeStage;
  /** The pairs of instants of one case; the case counts in the period of its end instant. */
  pairs: (t: readonly TrajectoryFact[], e: readonly EscalationFact[]) => [string | null, string | null][];
}

/**
 * Lead times per stage (domain.md §6.6): intake (trajectory opened) → first decision; K-P1 plan lead time,
 * first submission → approval (the first decision, by the local team or the table); K-P4 escalation raised →
 * table decision; K-P5 decision → provider confirms the start. A case counts when its stage ENDED in the period.
 */
const STAGES: readonly StageDefinition[] = [
  { stage: 'INTAKE_TO_DECISION', pairs: (ts) => ts.map((t) => [t.createdAt, t.decidedAt]) },
  {
    stage: 'FIRST_SUBMISSION_TO_APPROVAL',
    pairs: (ts) =>
      ts.filter((t) => t.firstSubmittedAt !== null).map((t) => [t.firstSubmittedAt, t.decidedAt]),
  },
  { stage: 'TABLE_RAISED_TO_DECISION', pairs: (_, es) => es.map((e) => [e.raisedAt, e.decidedAt]) },
  { stage: 'DECISION_TO_START', pairs: (ts) => ts.map((t) => [t.decidedAt, t.startedAt]) },
];

export function leadTimeFigures(
  trajectories: readonly TrajectoryFact[],
  escalations: readonly EscalationFact[],
  period: MonitoringPeriod,
): LeadTimeFigures[] {
  return STAGES.map(({ stage, pairs }) => {
    const days = pairs(trajectories, escalations)
      .filter(([, end]) => inPeriod(end, period))
      .map(([start, end]) => daysBetween(start, end))
      .filter((d): d is number => d !== null);
    return { stage, ...durationStats(days) };
  });
}

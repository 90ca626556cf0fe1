import type { EscalationFact, MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { inPeriod } from './monitoring-facts';
import { groupBy, rate } from './statistics';

export interface TriggerFigures {
  trigger: string;
  raised: number;
  open: number;
  decided: number;
  withdrawn: number;
  overdue: number;
}

export interface DecisionCodeFigures {
  code: string;
  decisions: number;
}

/**
 * Escalations to the breakthrough table (domain.md §4.2, §4.6, K-P3): those RAISED in the period by trigger,
 * with where they stand now; the table's outcomes (decision codes) of those DECIDED in the period; and the
 * escalation rate = plans escalated ÷ plans first submitted, both in the period.
 */
export interface EscalationFigures {
  raised: number;
  plansSubmitted: number;
  plansEscalated: number;
  escalationRate: number | null;
  overdueOpen: number;
  byTrigger: TriggerFigures[];
  byDecision: DecisionCodeFigures[];
}

const OPEN = ['OPEN', 'PROVISIONAL'];

export function escalationFigures(
  trajectories: readonly TrajectoryFact[],
  escalations: readonly EscalationFact[],
  period: MonitoringPeriod,
): EscalationFigures {
  const raised = escalations.filter((e) => inPeriod(e.raisedAt, period));
  const plansSubmitted = trajectories.filter((t) => inPeriod(t.firstSubmittedAt, period)).length;
  const plansEscalated = new Set(raised.filter((e) => e.context === 'PLAN').map((e) => e.trajectoryId)).size;
  const decided = escalations.filter((e) => e.decisionCode !== null && inPeriod(e.decidedAt, period));
  return {
    raised: raised.length,
    plansSubmitted,
    plansEscalated,
    escalationRate: rate(plansEscalated, plansSubmitted),
    overdueOpen: escalations.filter((e) => OPEN.includes(e.status) && e.overdue).length,
    byTrigger: groupBy(raised, (e) => e.trigger).map(([trigger, group]) => ({
      trigger,
      raised: group.length,
      open: group.filter((e) => OPEN.includes(e.status)).length,
      decided: group.filter((e) => e.status === 'DECIDED').length,
      withdrawn: group.filter((e) => e.status === 'WITHDRAWN').length,
      overdue: group.filter((e) => e.overdue).length,
    })),
    byDecision: groupBy(decided, (e) => e.decisionCode as string).map(([code, group]) => ({
      code,
      decisions: group.length,
    })),
  };
}

import { costFigures, type CostFigures } from './cost-figures';
import {
  evaluationFigures,
  scalingFigures,
  type EvaluationFigures,
  type ScalingFigures,
} from './care-figures';
import { familySatisfactionSection, type FamilySatisfactionSection } from './family-satisfaction-figures';
import { escalationFigures, type EscalationFigures } from './escalation-figures';
import { leadTimeFigures, type LeadTimeFigures } from './lead-time-figures';
import type { MonitoringFacts, MonitoringPeriod } from './monitoring-facts';
import { outcomeSection, type OutcomeSection } from './outcome-figures';
import { reentryFigures, type ReentryFigures } from './reentry-figures';
import { roundTripFigures, type RoundTripFigures } from './round-trip-figures';

/** The filter the figures were computed for, echoed so that a reader of the JSON or CSV knows. */
export interface MonitoringFilter {
  municipality: string | null;
  provider: string | null;
  domain: string | null;
  from: string | null;
  to: string | null;
}

/**
 * Every monitoring figure of domain.md §6 the platform reports, computed in one place from read-model facts.
 * Each section says in its doc comment which instant puts a case in the period.
 */
export interface MonitoringIndicators {
  filter: MonitoringFilter;
  period: MonitoringPeriod;
  generatedAt: string;
  /** Trajectories visible to the caller that match the filter and could touch the period. */
  trajectories: number;
  outcomes: OutcomeSection;
  /** K-O3 from the family's own answers, with the response rate (the professional's tick is in outcomes). */
  familySatisfaction: FamilySatisfactionSection;
  leadTimes: LeadTimeFigures[];
  roundTrips: RoundTripFigures;
  escalations: EscalationFigures;
  evaluations: EvaluationFigures;
  scaling: ScalingFigures;
  costs: CostFigures;
  reentry: ReentryFigures;
}

export function monitoringIndicators(facts: MonitoringFacts, filter: MonitoringFilter): MonitoringIndicators {
  const { trajectories, escalations, careEvents, period } = facts;
  return {
    filter,
    period,
    generatedAt: facts.now,
    trajectories: trajectories.length,
    outcomes: outcomeSection(trajectories, period),
    familySatisfaction: familySatisfactionSection(facts.satisfactionOccasions, period, facts.now),
    leadTimes: leadTimeFigures(trajectories, escalations, period),
    roundTrips: roundTripFigures(trajectories, period),
    escalations: escalationFigures(trajectories, escalations, period),
    evaluations: evaluationFigures(trajectories, careEvents, period),
    scaling: scalingFigures(trajectories, careEvents, period),
    costs: costFigures(trajectories, facts.arrangements, period),
    reentry: reentryFigures(trajectories, facts.clientTrajectories, period, facts.now),
  };
}

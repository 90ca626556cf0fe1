/**
 * Monitoring and KPIs (domain.md §6, decisions.md 9): pure aggregation of read-model facts into the figures
 * the dashboard and GET /monitoring/indicators report. No framework, no I/O.
 */
export type {
  ArrangementFact,
  CareEventFact,
  ClientTrajectoryFact,
  EscalationFact,
  MonitoringFacts,
  MonitoringPeriod,
  TrajectoryFact,
  TrajectoryOutcomeFact,
} from './monitoring-facts';
export { inPeriod } from './monitoring-facts';
export { monitoringIndicators } from './monitoring-indicators';
export type { MonitoringFilter, MonitoringIndicators } from './monitoring-indicators';
export { figurePath, indicatorFigures, indicatorsCsv } from './indicator-figures';
export type { IndicatorFigure } from './indicator-figures';
export { MIN_ANSWERED_FOR_PROVIDERS, withheldBelowMinimum } from './family-satisfaction-figures';
export type {
  FamilySatisfactionFigures,
  FamilySatisfactionSection,
  SatisfactionOccasionFact,
} from './family-satisfaction-figures';
export {
  FAMILY_ANSWERS,
  OCCASION_ID,
  SATISFACTION_ANSWER_DAYS,
  familyAnswerViolations,
  satisfactionOccasions,
} from './satisfaction-occasions';
export type {
  FamilyAnswer,
  ResultAnswer,
  SatisfactionEvent,
  SatisfactionOccasion,
} from './satisfaction-occasions';
export type { OutcomeFigures, OutcomeSection, ProviderOutcomeFigures } from './outcome-figures';
export type { LeadTimeFigures, LeadTimeStage } from './lead-time-figures';
export type { RoundTripFigures } from './round-trip-figures';
export type { DecisionCodeFigures, EscalationFigures, TriggerFigures } from './escalation-figures';
export type { EvaluationFigures, ScalingFigures } from './care-figures';
export type { ArrangementCostFigures, CostFigures } from './cost-figures';
export { REENTRY_WINDOW_MONTHS, reentered } from './reentry-figures';
export type { ReentryCounts, ReentryFigures } from './reentry-figures';
export { durationStats, percentile, rate, round, roundOrNull } from './statistics';
export type { DurationStats } from './statistics';
export { STEERING_INDICATORS } from './steering/steering-catalogue';
export type { SteeringIndicator, SteeringUnit } from './steering/steering-catalogue';
export { YEARLY_FACTOR, yearlyValueSql } from './steering/yearly-value';
export { MIN_DECISIONS_FOR_MIX_SIGNAL, mixDeviation, shares } from './steering/intensity-mix';
export type { IntensityCounts } from './steering/intensity-mix';
export { MIN_DECISIONS_FOR_VARIATION_SIGNAL, practiceVariation } from './steering/practice-variation';
export type {
  ArrangementChoice,
  PracticeVariation,
  ProfileVariation,
  RegionChoice,
} from './steering/practice-variation';
export {
  durationBySegment,
  monthsBetween,
  steeringCsv,
  steeringReport,
  yearlyCostPerClient,
} from './steering/steering-report';
export type {
  AveragingBalance,
  DurationBySegment,
  YearlyCostPerClient,
  StackedClient,
  SteeringFigure,
  SteeringReport,
  SteeringRow,
  SteeringSeries,
  SteeringSignal,
  SteeringThresholds,
} from './steering/steering-report';

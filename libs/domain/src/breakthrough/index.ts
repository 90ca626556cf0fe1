/**
 * The breakthrough table (doorbraaktafel, domain.md §4): its decision set, the docket a trajectory sends,
 * and the pure core of the table's case workflow (deadline, reminder, overdue, decisions). Pure and
 * deterministic, for Temporal's workflow sandbox.
 */
export { BREAKTHROUGH_DECISION_CODES } from './breakthrough-decision';
export type { BreakthroughDecision, BreakthroughDecisionCode } from './breakthrough-decision';
export { breakthroughDecisionViolations, decisionsFor } from './breakthrough-decision-rules';
export type { DecisionSituation } from './breakthrough-decision-rules';
export type { BreakthroughDocket } from './breakthrough-docket';
export type { EscalationFacts } from './escalation-facts';
export { breakthroughDeadlines, breakthroughTimingOf } from './breakthrough-timing';
export type { BreakthroughTiming } from './breakthrough-timing';
export { ESCALATION_TRIGGERS, SYSTEM_ONLY_TRIGGERS, TRIGGERS_BY_CONTEXT } from './escalation-trigger';
export type { EscalationContext, EscalationTrigger } from './escalation-trigger';
export type {
  BreakthroughCaseCommand,
  BreakthroughCaseEffect,
  BreakthroughCaseState,
  BreakthroughCaseStatus,
  BreakthroughCaseTransition,
} from './breakthrough-case';
export { isLiveCase } from './breakthrough-case';
export {
  applyCaseCommand,
  applyCaseTimers,
  assertCaseCommandAllowed,
  nextCaseDeadline,
  openBreakthroughCase,
} from './breakthrough-case-transitions';

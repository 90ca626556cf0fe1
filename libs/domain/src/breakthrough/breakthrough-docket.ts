import type { CareDomain, CareSegment, ComplexityClass } from '../shared/arrangement-terms';
import type { BreakthroughTiming } from './breakthrough-timing';
import type { EscalationFacts } from './escalation-facts';

/**
 * What the breakthrough table (doorbraaktafel) gets to see of a stuck case: the audit facts of
 * domain.md §4.6 (trigger, who raised it, when, the plan state, the number of round trips), the waiting
 * time, and the arrangement asked versus the one offered. Pseudonymous ids only (decisions.md 11).
 */
export interface BreakthroughDocket extends EscalationFacts {
  escalationId: string;
  trajectoryId: string;
  municipalityCode: string;
  clientId: string;
  domain: CareDomain;
  segment: CareSegment;
  complexity: ComplexityClass;
  /** The policy's table clock, for deadlines the table's workflow computes itself (after a provisional start). */
  timing: BreakthroughTiming;
  /** The status the trajectory escalated from. */
  fromStatus: string;
  /** Since when the case has waited: first plan submission, the decision, or the change request. */
  waitingSince: string;
  workingDaysWaiting: number;
  calendarDaysWaiting: number;
  leadProviderId?: string;
  commentRef?: string;
}

import type { Actor } from '../shared/actor';
import type { ArrangementTerms, CareDomain, CareSegment, ComplexityClass } from '../shared/arrangement-terms';
import type { BreakthroughTiming } from './breakthrough-timing';
import type { EscalationContext, EscalationTrigger } from './escalation-trigger';

/**
 * What the breakthrough table (doorbraaktafel) gets to see of a stuck case: the audit facts of
 * domain.md §4.6 (trigger, who raised it, when, the plan state, the number of round trips), the waiting
 * time, and the arrangement asked versus the one offered. Pseudonymous ids only (decisions.md 11).
 */
export interface BreakthroughDocket {
  escalationId: string;
  trajectoryId: string;
  municipalityCode: string;
  clientId: string;
  domain: CareDomain;
  segment: CareSegment;
  complexity: ComplexityClass;
  trigger: EscalationTrigger;
  context: EscalationContext;
  raisedBy: Actor;
  raisedAt: string;
  /** From the trajectory's policy snapshot (domain.md §4.5: 10 working days, reminder at 5). */
  deadlineAt: string;
  reminderAt: string;
  /** The policy's table clock, for deadlines the table's workflow computes itself (after a provisional start). */
  timing: BreakthroughTiming;
  /** The status the trajectory escalated from. */
  fromStatus: string;
  planVersion?: number;
  decisionVersion?: number;
  /** Submissions of the plan (or of the arrangement change) so far. */
  roundCount: number;
  /** Since when the case has waited: first plan submission, the decision, or the change request. */
  waitingSince: string;
  workingDaysWaiting: number;
  calendarDaysWaiting: number;
  leadProviderId?: string;
  askedArrangement?: ArrangementTerms;
  offeredArrangement?: ArrangementTerms;
  commentRef?: string;
}

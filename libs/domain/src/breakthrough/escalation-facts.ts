import type { Actor } from '../shared/actor';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { EscalationContext, EscalationTrigger } from './escalation-trigger';

/**
 * What an escalation records of how the case reached the breakthrough table (domain.md §4.6): the trigger,
 * who raised it and when, the table's deadline and reminder, the versions and round trips so far, and the
 * arrangement asked versus the one offered. The trajectory keeps it; the table's docket shows it.
 */
export interface EscalationFacts {
  trigger: EscalationTrigger;
  context: EscalationContext;
  raisedBy: Actor;
  raisedAt: string;
  /** From the trajectory's policy snapshot (domain.md §4.5: 10 working days, reminder at 5). */
  deadlineAt: string;
  reminderAt: string;
  planVersion?: number;
  decisionVersion?: number;
  /** Submissions of the plan (or of the arrangement change) so far. */
  roundCount: number;
  askedArrangement?: ArrangementTerms;
  offeredArrangement?: ArrangementTerms;
}

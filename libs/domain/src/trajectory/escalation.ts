import type { BreakthroughDecisionCode } from '../breakthrough/breakthrough-decision';
import type { EscalationFacts } from '../breakthrough/escalation-facts';
import type { TrajectoryStatus } from './trajectory-status';

/**
 * OPEN: at the table. PROVISIONAL: the table authorised a provisional start (decisions.md 3) and still owes
 * the settling decision. DECIDED / WITHDRAWN: ended. OVERDUE is tracked by the table's own workflow
 * (decisions.md 10); the trajectory derives it from `deadlineAt` for its views.
 */
export type EscalationStatus = 'OPEN' | 'PROVISIONAL' | 'DECIDED' | 'WITHDRAWN';

/** An escalation to the breakthrough table (domain.md §4, §7.2 Escalation). */
export interface Escalation extends EscalationFacts {
  /** Deterministic: `${trajectoryId}-esc-${n}`. */
  id: string;
  number: number;
  status: EscalationStatus;
  /** domain.md §7.4: ESCALATED records the state it came from. */
  fromStatus: TrajectoryStatus;
  changeId?: string;
  decisions: { code: BreakthroughDecisionCode; decidedAt: string; chairRef: string; rationaleRef: string }[];
  endedAt?: string;
}

/** The open (or provisionally decided) escalation, if any; a trajectory has at most one at a time. */
export function openEscalation<T extends { escalations: Escalation[] }>(state: T): Escalation | undefined {
  return state.escalations.find((e) => e.status === 'OPEN' || e.status === 'PROVISIONAL');
}

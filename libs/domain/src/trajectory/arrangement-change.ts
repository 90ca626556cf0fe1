import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { ChangeReasonCode } from './perspective-plan';

/** UP / DOWN / LATERAL from the tariffs (domain.md §7.2 ArrangementChange `direction`). */
export type ChangeDirection = 'UP' | 'DOWN' | 'LATERAL';

/**
 * A requested scale-up or scale-down (op- en afschalen, domain.md §3.8, §7.2 ArrangementChange). It runs
 * the same approval-and-escalation loop as a plan (R-SCALE-08: scaling needs approval and is audited).
 */
export interface ArrangementChange {
  /** Deterministic: `${trajectoryId}-chg-${n}`. */
  id: string;
  number: number;
  direction: ChangeDirection;
  from: ArrangementTerms;
  to: ArrangementTerms;
  intensityCode?: string;
  reasonCode: string;
  requestedByRef: string;
  requestedAt: string;
  /** Submissions of this change so far (round-trip limit, §4.5). */
  round: number;
  status: 'SUBMITTED' | 'CHANGES_REQUESTED' | 'ESCALATED';
  /** The local team's decision deadline for the current submission (§4.5, same as a plan version). */
  deadlineAt?: string;
  lastReasonCode?: ChangeReasonCode;
}

export function directionOf(from: ArrangementTerms, to: ArrangementTerms): ChangeDirection {
  if (to.tariffCents > from.tariffCents) return 'UP';
  return to.tariffCents < from.tariffCents ? 'DOWN' : 'LATERAL';
}

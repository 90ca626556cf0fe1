/** Why a trajectory was closed (domain.md §7.2 Closure `reason`). */
export const CLOSURE_REASONS = [
  'COMPLETED_PER_PLAN',
  'EARLY_DROPOUT',
  'RESTARTED_FOR_NEW_NEED',
  'CLIENT_SWITCHED_PROVIDER',
  'TRANSFERRED_BY_MUNICIPALITY',
  'REJECTED',
  'WITHDRAWN_BEFORE_START',
  'DECISION_EXPIRED',
  'OTHER',
] as const;

export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Reasons that end a trajectory before care started (domain.md §7.4): no tranche was ever due. */
export const NEVER_STARTED_CLOSURE_REASONS: readonly ClosureReason[] = ['REJECTED', 'WITHDRAWN_BEFORE_START'];

export function isClosureReason(value: unknown): value is ClosureReason {
  return typeof value === 'string' && (CLOSURE_REASONS as readonly string[]).includes(value);
}

/**
 * What the payment rules need to know about a closure. "Completion per plan" (afronding volgens het
 * opgestelde plan, [001:L416]) is the reason COMPLETED_PER_PLAN.
 */
export interface ClosureFacts {
  readonly closureReason: ClosureReason;
  /**
   * RESTARTED_FOR_NEW_NEED only: the local team confirms the old plan was completed, so the old trajectory's
   * final tranche is paid; without it the restart counts as an early end (domain.md §7.8, R-SCALE-03).
   */
  readonly localTeamConfirmedOldPlanCompleted?: boolean;
  /**
   * Whether the plan's results were achieved. Recorded for K-O2 and quoted in the basis text; it never
   * changes an amount (R-PAY-04: no outcome pricing; §7.8: completed but not achieved is still paid).
   */
  readonly resultsAchieved?: boolean;
}

import type { TrajectoryState } from './trajectory-state';

/**
 * The rules a trajectory runs under. 1: as before issue 14 (no deadline on some waits). 2: every wait for a
 * person has a deadline, a reminder and an outcome. A trajectory begun under 1 moves to 2 the first time the
 * workflow runs it with new code (lifecycle/upgrade-rules.ts, behind a Temporal patch).
 */
export type RulesVersion = 1 | 2;

export const CURRENT_RULES: RulesVersion = 2;

export function rulesOf(state: Pick<TrajectoryState, 'rulesVersion'>): RulesVersion {
  return state.rulesVersion ?? 1;
}

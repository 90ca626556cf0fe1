import { isKeySafeId, isNonEmptyString, requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import type { CloseOptions } from './closing';

/** What a closure that starts a successor trajectory names (R-SCALE-03, R-END-03). */
export interface SuccessorInput {
  successorCaseReference: string;
  successorTrajectoryId?: string;
}

/** DEFAULT: a successor without an id of its own gets one derived from this trajectory. */
export function successorIdFor(trajectoryId: string, successorTrajectoryId?: string): string {
  return successorTrajectoryId ?? `${trajectoryId}-successor`;
}

export function successorViolations(state: TrajectoryState, command: SuccessorInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  requireText(
    out,
    'successorCaseReference',
    command.successorCaseReference,
    'the successor needs its case reference',
  );
  if (command.successorTrajectoryId !== undefined) {
    if (!isKeySafeId(command.successorTrajectoryId)) {
      out.push(violation('successorTrajectoryId', 'a non-empty id without ":"'));
    } else if (command.successorTrajectoryId === state.trajectoryId) {
      out.push(violation('successorTrajectoryId', 'a successor is another trajectory'));
    }
  }
  return out;
}

/** A successor with another lead provider (a switch or a transfer): the new provider is named and new. */
export function newProviderViolations(state: TrajectoryState, newLeadProviderId: unknown): RuleViolation[] {
  if (!isNonEmptyString(newLeadProviderId)) {
    return [violation('newLeadProviderId', 'the new lead provider is required')];
  }
  if (newLeadProviderId === state.leadProviderId) {
    return [violation('newLeadProviderId', 'the new lead provider is the current one')];
  }
  return [];
}

/** The successor of a switch or a transfer: the same client with the new lead provider. */
export function successorWithProvider(
  state: TrajectoryState,
  command: SuccessorInput & { newLeadProviderId: string },
): NonNullable<CloseOptions['successor']> {
  return {
    trajectoryId: successorIdFor(state.trajectoryId, command.successorTrajectoryId),
    caseReference: command.successorCaseReference,
    leadProviderId: command.newLeadProviderId,
  };
}

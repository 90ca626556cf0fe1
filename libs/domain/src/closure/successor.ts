import { isKeySafeId, isNonEmptyString, requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import type { Actor } from '../shared/actor';
import type { AuditDetails } from '../trajectory/trajectory-effect';
import type { TransitionDraft } from '../trajectory/transition-draft';
import { closeTrajectory } from './closing';

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

/** What a switch or a transfer names: the successor and its new lead provider. */
export interface ProviderChangeInput extends SuccessorInput {
  newLeadProviderId: string;
}

export function providerChangeViolations(
  state: TrajectoryState,
  command: ProviderChangeInput,
): RuleViolation[] {
  return [...successorViolations(state, command), ...newProviderViolations(state, command.newLeadProviderId)];
}

/**
 * Closes for a switch or a transfer (R-END-03, closed like an early end, §7.8): the successor is the same
 * client with the new lead provider, and the audit names both providers.
 */
export function closeForProviderChange(
  draft: TransitionDraft,
  reason: 'CLIENT_SWITCHED_PROVIDER' | 'TRANSFERRED_BY_MUNICIPALITY',
  command: ProviderChangeInput & { actor: Actor },
  details: AuditDetails = {},
): void {
  const state = draft.state;
  closeTrajectory(draft, reason, command.actor, {
    successor: {
      trajectoryId: successorIdFor(state.trajectoryId, command.successorTrajectoryId),
      caseReference: command.successorCaseReference,
      leadProviderId: command.newLeadProviderId,
    },
    details: {
      ...details,
      newLeadProviderId: command.newLeadProviderId,
      previousLeadProviderId: state.leadProviderId ?? null,
    },
  });
}

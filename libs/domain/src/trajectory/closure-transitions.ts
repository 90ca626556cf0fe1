import { closeTrajectory } from './closing';
import type { CommandOf } from './trajectory-command';
import type { TransitionDraft } from './transition-draft';

/** DEFAULT: a successor without an id of its own gets one derived from this trajectory. */
export function successorIdFor(trajectoryId: string, successorTrajectoryId?: string): string {
  return successorTrajectoryId ?? `${trajectoryId}-successor`;
}

/** Early dropout (vroegtijdige uitval): the final tranche is cancelled, nothing reclaimed (R-END-01, §7.8). */
export function reportDropout(draft: TransitionDraft, command: CommandOf<'reportDropout'>): void {
  closeTrajectory(draft, 'EARLY_DROPOUT', command.actor, { details: { reasonCode: command.reasonCode } });
}

/**
 * A new care need closes this trajectory and starts a successor (R-SCALE-03, WBW [001:L211]). The old
 * final tranche is paid only when the local team confirms the old plan was completed (domain.md §7.8).
 */
export function reportNewCareNeed(draft: TransitionDraft, command: CommandOf<'reportNewCareNeed'>): void {
  const state = draft.state;
  closeTrajectory(draft, 'RESTARTED_FOR_NEW_NEED', command.actor, {
    localTeamConfirmedOldPlanCompleted: command.oldPlanCompleted,
    successor: {
      trajectoryId: successorIdFor(state.trajectoryId, command.successorTrajectoryId),
      caseReference: command.successorCaseReference,
      // [001:L183]: the lead provider stays linked "bij voorkeur gedurende de gehele periode".
      ...(state.leadProviderId !== undefined ? { leadProviderId: state.leadProviderId } : {}),
      ...(command.successorRequestType !== undefined ? { requestType: command.successorRequestType } : {}),
    },
    details: { oldPlanCompleted: command.oldPlanCompleted },
  });
}

/** The client switches provider ("stemmen met de voeten", R-END-03): closed like an early end (§7.8). */
export function switchProvider(draft: TransitionDraft, command: CommandOf<'switchProvider'>): void {
  const state = draft.state;
  closeTrajectory(draft, 'CLIENT_SWITCHED_PROVIDER', command.actor, {
    successor: {
      trajectoryId: successorIdFor(state.trajectoryId, command.successorTrajectoryId),
      caseReference: command.successorCaseReference,
      leadProviderId: command.newLeadProviderId,
    },
    details: {
      newLeadProviderId: command.newLeadProviderId,
      previousLeadProviderId: state.leadProviderId ?? null,
    },
  });
}

/** The municipality transfers the client (cliënten overplaatsen, R-END-03): closed like an early end (§7.8). */
export function transferClient(draft: TransitionDraft, command: CommandOf<'transferClient'>): void {
  const state = draft.state;
  closeTrajectory(draft, 'TRANSFERRED_BY_MUNICIPALITY', command.actor, {
    successor: {
      trajectoryId: successorIdFor(state.trajectoryId, command.successorTrajectoryId),
      caseReference: command.successorCaseReference,
      leadProviderId: command.newLeadProviderId,
    },
    details: {
      reasonCode: command.reasonCode,
      newLeadProviderId: command.newLeadProviderId,
      previousLeadProviderId: state.leadProviderId ?? null,
    },
  });
}

import { violation } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { isInCare } from '../trajectory/trajectory-status';
import { closeTrajectory } from './closing';
import { successorIdFor, successorViolations, type SuccessorInput } from './successor';

/**
 * A new care need closes this trajectory and starts a successor (R-SCALE-03, WBW [001:L211]). The old
 * final tranche is paid only when the local team confirms the old plan was completed (domain.md §7.8).
 */
export interface ReportNewCareNeed extends CommandBase, SuccessorInput {
  type: 'reportNewCareNeed';
  successorRequestType?: string;
  /** Only the local team may confirm it; then the old final tranche is paid (domain.md §7.8). */
  oldPlanCompleted: boolean;
}

export const reportNewCareNeed: CommandSpec<ReportNewCareNeed> = {
  // D9: the municipality closes and restarts (R-SCALE-03).
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => isInCare(state.status),
  violations(state, command) {
    const out = successorViolations(state, command);
    if (typeof command.oldPlanCompleted !== 'boolean') {
      out.push(violation('oldPlanCompleted', 'say whether the old plan was completed (domain.md §7.8)'));
    } else if (command.oldPlanCompleted && command.actor.role !== 'LOCAL_TEAM') {
      out.push(
        violation('oldPlanCompleted', 'only the local team confirms the old plan was completed (§7.8)'),
      );
    }
    return out;
  },
  apply(draft, command) {
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
  },
};

import { violation } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { isInCare } from '../trajectory/trajectory-status';
import { closeTrajectory } from './closing';
import {
  newProviderViolations,
  successorViolations,
  successorWithProvider,
  type SuccessorInput,
} from './successor';

/** The client switches provider ("stemmen met de voeten", R-END-03): closed like an early end (§7.8). */
export interface SwitchProvider extends CommandBase, SuccessorInput {
  type: 'switchProvider';
  newLeadProviderId: string;
  /** R-ROLE-05 / R-END-03: the client switches by their own choice. */
  chosenByFamily: boolean;
}

export const switchProvider: CommandSpec<SwitchProvider> = {
  // R-END-03: the client switches (through the case system or the local team).
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => isInCare(state.status),
  violations(state, command) {
    const out = [
      ...successorViolations(state, command),
      ...newProviderViolations(state, command.newLeadProviderId),
    ];
    if (command.chosenByFamily !== true) {
      out.push(violation('chosenByFamily', 'the client switches by their own choice (R-ROLE-05, R-END-03)'));
    }
    return out;
  },
  apply(draft, command) {
    const state = draft.state;
    closeTrajectory(draft, 'CLIENT_SWITCHED_PROVIDER', command.actor, {
      successor: successorWithProvider(state, command),
      details: {
        newLeadProviderId: command.newLeadProviderId,
        previousLeadProviderId: state.leadProviderId ?? null,
      },
    });
  },
};

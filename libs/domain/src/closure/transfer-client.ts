import { requireText } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { isInCare } from '../trajectory/trajectory-status';
import { closeTrajectory } from './closing';
import {
  newProviderViolations,
  successorViolations,
  successorWithProvider,
  type SuccessorInput,
} from './successor';

/** The municipality transfers the client (cliënten overplaatsen, R-END-03): closed like an early end (§7.8). */
export interface TransferClient extends CommandBase, SuccessorInput {
  type: 'transferClient';
  newLeadProviderId: string;
  reasonCode: string;
}

export const transferClient: CommandSpec<TransferClient> = {
  // R-END-03: the municipality transfers.
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => isInCare(state.status),
  violations(state, command) {
    const out = [
      ...successorViolations(state, command),
      ...newProviderViolations(state, command.newLeadProviderId),
    ];
    requireText(out, 'reasonCode', command.reasonCode, 'a transfer is a sanction with a reason (R-END-03)');
    return out;
  },
  apply(draft, command) {
    const state = draft.state;
    closeTrajectory(draft, 'TRANSFERRED_BY_MUNICIPALITY', command.actor, {
      successor: successorWithProvider(state, command),
      details: {
        reasonCode: command.reasonCode,
        newLeadProviderId: command.newLeadProviderId,
        previousLeadProviderId: state.leadProviderId ?? null,
      },
    });
  },
};

import { requireText } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { isInCare } from '../trajectory/trajectory-status';
import { closeForProviderChange, providerChangeViolations, type ProviderChangeInput } from './successor';

/** The municipality transfers the client (cliënten overplaatsen, R-END-03): closed like an early end (§7.8). */
export interface TransferClient extends CommandBase, ProviderChangeInput {
  type: 'transferClient';
  reasonCode: string;
}

export const transferClient: CommandSpec<TransferClient> = {
  // R-END-03: the municipality transfers.
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => isInCare(state.status),
  violations(state, command) {
    const out = providerChangeViolations(state, command);
    requireText(out, 'reasonCode', command.reasonCode, 'a transfer is a sanction with a reason (R-END-03)');
    return out;
  },
  apply: (draft, command) =>
    closeForProviderChange(draft, 'TRANSFERRED_BY_MUNICIPALITY', command, { reasonCode: command.reasonCode }),
};

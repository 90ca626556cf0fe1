import { violation } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { isInCare } from '../trajectory/trajectory-status';
import { closeForProviderChange, providerChangeViolations, type ProviderChangeInput } from './successor';

/** The client switches provider ("stemmen met de voeten", R-END-03): closed like an early end (§7.8). */
export interface SwitchProvider extends CommandBase, ProviderChangeInput {
  type: 'switchProvider';
  /** R-ROLE-05 / R-END-03: the client switches by their own choice. */
  chosenByFamily: boolean;
}

export const switchProvider: CommandSpec<SwitchProvider> = {
  // R-END-03: the client switches (through the case system or the local team).
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM'],
  isOpen: (state) => isInCare(state.status),
  violations(state, command) {
    const out = providerChangeViolations(state, command);
    if (command.chosenByFamily !== true) {
      out.push(violation('chosenByFamily', 'the client switches by their own choice (R-ROLE-05, R-END-03)'));
    }
    return out;
  },
  // The family's choice is an attestation only a person outside the system can give: the audit names it and
  // the actor who attests it (issue 14: facts, not flags).
  apply: (draft, command) =>
    closeForProviderChange(draft, 'CLIENT_SWITCHED_PROVIDER', command, {
      attestations: ['CHOSEN_BY_FAMILY'],
    }),
};

import { requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { notify, recordAudit } from '../trajectory/transition-draft';

/**
 * The family's choice of lead provider (hoofdaannemer), recorded while the plan is drafted (R-ROLE-05: the
 * family chooses, the local team may advise objectively). From here the lead provider can read the trajectory
 * and, in youth care, submit the plan whose intensity it proposes (R-ROLE-02).
 */
export interface ChooseLeadProvider extends CommandBase {
  type: 'chooseLeadProvider';
  leadProviderId: string;
  /**
   * The caller attests that the family made this choice; the audit records who attested it. A CLIENT
   * chooses for itself, so its own choice needs no attestation.
   */
  chosenByFamily?: boolean;
}

export const chooseLeadProvider: CommandSpec<ChooseLeadProvider> = {
  // The family chooses on its own page, or its choice reaches the system through the local team or the case
  // system; never through a provider.
  roles: ['LOCAL_TEAM', 'CASE_SYSTEM', 'CLIENT'],
  isOpen: (state) => state.status === 'DRAFTING' || state.status === 'CHANGES_REQUESTED',
  violations(_state, command) {
    const out: RuleViolation[] = [];
    requireText(out, 'leadProviderId', command.leadProviderId, 'a lead provider is required (R-ROLE-06)');
    if (command.actor.role !== 'CLIENT' && command.chosenByFamily !== true) {
      out.push(violation('chosenByFamily', 'the family chooses the lead provider (R-ROLE-05)'));
    }
    return out;
  },
  apply(draft, command) {
    const state = draft.state;
    const previous = state.leadProviderId ?? null;
    state.leadProviderId = command.leadProviderId;
    state.leadProviderChoice = {
      providerId: command.leadProviderId,
      attestedByRef: command.actor.ref,
      at: draft.at,
    };
    recordAudit(draft, 'LEAD_PROVIDER_CHOSEN', command.actor, {
      leadProviderId: command.leadProviderId,
      previousLeadProviderId: previous,
      attestations: [command.actor.role === 'CLIENT' ? 'CHOSEN_BY_FAMILY_ITSELF' : 'CHOSEN_BY_FAMILY'],
    });
    notify(draft, 'LEAD_PROVIDER_CHOSEN', 'PROVIDER', { leadProviderId: command.leadProviderId });
  },
};

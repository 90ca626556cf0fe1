import type { ActorRole } from '../shared/actor';
import { violation } from '../shared/rule-helpers';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import type { SignatureParty } from '../trajectory/perspective-plan';
import { notify, recordAudit } from '../trajectory/transition-draft';
import { isAwaitingApproval, missingSignatures, planVersionViolations } from './plan-rules';

/** A party signs the submitted plan version (R-ROLE-04: everyone involved signs before approval). */
export interface SignPlan extends CommandBase {
  type: 'signPlan';
  planVersion: number;
  party: SignatureParty;
}

/**
 * Which actor may put which signature on the plan (R-ROLE-04). The family signs for itself on its page
 * (CLIENT); the case system or the local team still records a signature given on paper.
 */
const SIGNERS: Readonly<Record<SignatureParty, readonly ActorRole[]>> = {
  CLIENT: ['CLIENT', 'CASE_SYSTEM', 'LOCAL_TEAM'],
  LEGAL_REPRESENTATIVE: ['CLIENT', 'CASE_SYSTEM', 'LOCAL_TEAM'],
  LEAD_PROVIDER: ['PROVIDER'],
  LOCAL_TEAM: ['LOCAL_TEAM'],
};

/** The family's own signatures (R-ROLE-04): the resident and, for a minor or under guardianship, the representative. */
const FAMILY_PARTIES: readonly SignatureParty[] = ['CLIENT', 'LEGAL_REPRESENTATIVE'];

export const signPlan: CommandSpec<SignPlan> = {
  roles: ['CASE_SYSTEM', 'LOCAL_TEAM', 'PROVIDER', 'CLIENT'],
  // Signatures the region lets follow the approval (signaturesBeforeApproval) are given until care starts.
  isOpen: (state) =>
    isAwaitingApproval(state) || (state.status === 'DECIDED' && missingSignatures(state).length > 0),
  violations(state, command) {
    const out = planVersionViolations(state, command.planVersion);
    const plan = state.plan;
    if (plan === undefined) return out;
    if (!plan.requiredSignatures.includes(command.party)) {
      out.push(violation('party', `${String(command.party)} is not among the required signatures`));
    } else if (plan.signatures.some((s) => s.party === command.party)) {
      out.push(violation('party', `${command.party} has already signed version ${plan.version}`));
    } else if (!SIGNERS[command.party].includes(command.actor.role)) {
      out.push(violation('actor.role', `a ${command.actor.role} cannot sign as ${command.party}`));
    } else if (
      command.actor.role === 'CLIENT' &&
      plan.signatures.some((s) => FAMILY_PARTIES.includes(s.party) && s.actorRef === command.actor.ref)
    ) {
      // The client and the legal representative are two people: one person never gives both signatures.
      out.push(violation('party', 'you have already signed this version for the family'));
    }
    return out;
  },
  apply(draft, command) {
    const plan = draft.state.plan;
    if (plan === undefined) return;
    plan.signatures.push({ party: command.party, actorRef: command.actor.ref, signedAt: draft.at });
    recordAudit(draft, 'PLAN_SIGNED', command.actor, { party: command.party });
    if (missingSignatures(draft.state).length === 0) {
      notify(draft, 'PLAN_FULLY_SIGNED', 'LOCAL_TEAM', { planVersion: String(plan.version) });
    }
  },
};

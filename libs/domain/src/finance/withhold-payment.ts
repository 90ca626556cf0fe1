import { isTrajectoryPricedPreset } from '../payments';
import { requireText } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { currentDecision } from '../trajectory/care-decision';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { recordAudit } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';
import { isInCare } from '../trajectory/trajectory-status';

/**
 * The municipality withholds the final tranche with a written reason (domain.md §7.8: manual, audited).
 * It takes effect when the final tranche falls due: a WITHHOLD_PAYMENT instead of a PAYMENT.
 */
export interface WithholdPayment extends CommandBase {
  type: 'withholdPayment';
  reasonRef: string;
}

function hasFinalTranche(state: TrajectoryState): boolean {
  const decision = currentDecision(state);
  return decision !== undefined && isTrajectoryPricedPreset(decision.paymentPolicy.preset);
}

export const withholdPayment: CommandSpec<WithholdPayment> = {
  // domain.md §7.8: the municipality's manual WITHHOLD.
  roles: ['FINANCE'],
  isOpen: (state) =>
    isInCare(state.status) && hasFinalTranche(state) && state.finalTrancheWithhold === undefined,
  violations(_state, command) {
    const out: RuleViolation[] = [];
    requireText(out, 'reasonRef', command.reasonRef, 'a WITHHOLD needs a written reason (domain.md §7.8)');
    return out;
  },
  apply(draft, command) {
    draft.state.finalTrancheWithhold = {
      reasonRef: command.reasonRef,
      actorRef: command.actor.ref,
      at: draft.at,
    };
    recordAudit(draft, 'FINAL_TRANCHE_WITHHELD', command.actor, { reasonRef: command.reasonRef });
  },
};

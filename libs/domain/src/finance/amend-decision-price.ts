import { issueDecision } from '../decision/decision-issuing';
import { requireText, violation } from '../shared/rule-helpers';
import type { RuleViolation } from '../shared/transition-rejected';
import { currentDecision } from '../trajectory/care-decision';
import type { CommandBase, CommandSpec } from '../trajectory/command';
import { recordAudit } from '../trajectory/transition-draft';
import { isInCare } from '../trajectory/trajectory-status';
import { decisionTerms, recordPaymentEvent } from './payment-issuing';

/**
 * A retroactive price correction by agreement (R-END-05, R-TAR-05): a new decision version of the same
 * arrangement at the agreed price. After the start the payment rules issue the declared ADJUSTMENT (may
 * be negative); later tranches follow the corrected price.
 */
export interface AmendDecisionPrice extends CommandBase {
  type: 'amendDecisionPrice';
  tariffCents: number;
  /** R-END-05: a retroactive correction happens by agreement with the provider. */
  providerAgreed: boolean;
  reasonRef: string;
}

export const amendDecisionPrice: CommandSpec<AmendDecisionPrice> = {
  // R-END-05: a price correction by agreement, recorded by the municipality's finance.
  roles: ['FINANCE'],
  isOpen: (state) => state.status === 'DECIDED' || isInCare(state.status),
  violations(state, command) {
    const out: RuleViolation[] = [];
    const decision = currentDecision(state);
    if (!Number.isSafeInteger(command.tariffCents) || command.tariffCents < 0) {
      out.push(violation('tariffCents', 'a non-negative whole number of cents'));
    } else if (decision !== undefined && command.tariffCents === decision.arrangement.tariffCents) {
      out.push(violation('tariffCents', 'the decision already carries this price'));
    }
    if (command.providerAgreed !== true) {
      out.push(
        violation(
          'providerAgreed',
          'a retroactive price correction needs the provider’s agreement (R-END-05)',
        ),
      );
    }
    requireText(out, 'reasonRef', command.reasonRef, 'a price correction needs a written reason (R-END-05)');
    return out;
  },
  apply(draft, command) {
    const state = draft.state;
    const amended = currentDecision(state);
    if (amended === undefined) return;
    const decision = issueDecision(draft, {
      arrangement: { ...amended.arrangement, tariffCents: command.tariffCents },
      providerId: amended.providerId,
      cause: 'PRICE_CORRECTION',
      approvedBy: amended.approvedBy,
      provisional: amended.provisional,
      // "met terugwerkende kracht" ([000:L201]): the correction covers the amended decision's whole validity.
      validFrom: amended.validFrom,
      validity: 'KEEP',
      amendsVersion: amended.version,
    });
    if (state.startedAt !== undefined) {
      recordPaymentEvent(draft, { type: 'PRICE_CORRECTED', decision: decisionTerms(decision) });
    }
    recordAudit(draft, 'DECISION_PRICE_AMENDED', command.actor, {
      amendsVersion: amended.version,
      fromTariffCents: amended.arrangement.tariffCents,
      toTariffCents: command.tariffCents,
      reasonRef: command.reasonRef,
      // Attested by this finance officer; the agreement itself is with the provider (R-END-05).
      attestations: ['PROVIDER_AGREED'],
    });
  },
};

import { currentDecision } from './care-decision';
import { issueDecision } from './decision-issuing';
import { decisionTerms, recordPaymentEvent } from './payment-issuing';
import type { CommandOf } from './trajectory-command';
import { recordAudit } from './transition-draft';
import type { TransitionDraft } from './transition-draft';

/**
 * The municipality withholds the final tranche with a written reason (domain.md §7.8: manual, audited).
 * It takes effect when the final tranche falls due: a WITHHOLD_PAYMENT instead of a PAYMENT.
 */
export function withholdPayment(draft: TransitionDraft, command: CommandOf<'withholdPayment'>): void {
  draft.state.finalTrancheWithhold = {
    reasonRef: command.reasonRef,
    actorRef: command.actor.ref,
    at: draft.at,
  };
  recordAudit(draft, 'FINAL_TRANCHE_WITHHELD', command.actor, { reasonRef: command.reasonRef });
}

/**
 * A retroactive price correction by agreement (R-END-05, R-TAR-05): a new decision version of the same
 * arrangement at the agreed price. After the start the payment rules issue the declared ADJUSTMENT (may
 * be negative); later tranches follow the corrected price.
 */
export function amendDecisionPrice(draft: TransitionDraft, command: CommandOf<'amendDecisionPrice'>): void {
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
  });
}

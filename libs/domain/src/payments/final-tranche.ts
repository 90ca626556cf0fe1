import { assertDecisionFitsPolicy } from './care-decision-terms';
import type { CareDecisionTerms } from './care-decision-terms';
import { isClosureReason, NEVER_STARTED_CLOSURE_REASONS } from './closure-reason';
import type { ClosureFacts, ClosureReason } from './closure-reason';
import { assertCents, Cents } from './money';
import { isTrajectoryPricedPreset, PRESET_RULE } from './payment-policy-preset';
import type { PaymentPolicyPreset } from './payment-policy-preset';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import type { PlannedTranche } from './planned-tranche';

export interface FinalTrancheInput extends ClosureFacts {
  /** Σ of every tranche already issued for the trajectory (INITIAL, ADJUSTMENTs). */
  readonly paidSoFarCents: Cents;
}

/** Why no final tranche is paid; the ledger records a CANCELLED row with it. */
export type NoFinalTrancheReason =
  | 'POLICY_HAS_NO_FINAL_TRANCHE'
  | 'NEVER_STARTED'
  | 'EARLY_DROPOUT'
  | 'EARLY_END'
  | 'NOT_COMPLETED_PER_PLAN'
  | 'NOTHING_LEFT_TO_PAY';

export interface FinalTrancheNotDue {
  readonly due: false;
  readonly kind: 'FINAL';
  readonly decisionVersion: number;
  readonly closureReason: ClosureReason;
  readonly reason: NoFinalTrancheReason;
  /** Human text with the rule, for the ledger row and the audit trail. */
  readonly explanation: string;
}

export type FinalTrancheOutcome =
  { readonly due: true; readonly tranche: PlannedTranche } | FinalTrancheNotDue;

/** Why a closure earns no final tranche. */
interface Refusal {
  readonly reason: NoFinalTrancheReason;
  readonly explanation: string;
}

/** refusalFor's answer when the final tranche is earned. */
const PAY = undefined;

/**
 * Whether a closure earns the final share under a trajectory-priced preset (domain.md §3.9, §7.7, §7.8).
 * Early ends (dropout, switch, transfer, a restart without confirmed completion) never do. Beyond that:
 * - WF_RECOVERY pays only after completion per plan (R-PAY-01), so DECISION_EXPIRED and OTHER do not pay;
 * - FRIESLAND_70_30 pays "standaard" except on early dropout (R-PAY-02), so they do;
 * - WBW_50_50 pays "vrijwel altijd" (R-PAY-03). Choice: the same rule as Friesland. The documented
 *   exceptions are the early ends; any other withholding is the municipality's manual, audited WITHHOLD
 *   with a written reason (domain.md §7.8), not an automatic rule.
 */
function refusalFor(preset: PaymentPolicyPreset, facts: ClosureFacts): Refusal | undefined {
  const reason = facts.closureReason;
  if (NEVER_STARTED_CLOSURE_REASONS.includes(reason)) {
    return { reason: 'NEVER_STARTED', explanation: `closed ${reason} before care started (domain.md §7.4)` };
  }
  switch (reason) {
    case 'COMPLETED_PER_PLAN':
      return PAY;
    case 'EARLY_DROPOUT':
      return {
        reason: 'EARLY_DROPOUT',
        explanation:
          'early dropout: final tranche cancelled, earlier tranches not reclaimed (domain.md §7.8, R-END-01)',
      };
    case 'RESTARTED_FOR_NEW_NEED':
      // domain.md §7.8, R-SCALE-03: paid only when the local team confirms the old plan was completed.
      if (facts.localTeamConfirmedOldPlanCompleted === true) return PAY;
      return {
        reason: 'EARLY_END',
        explanation:
          'restarted for a new need without local-team confirmation that the old plan was completed: an early end (domain.md §7.8, R-SCALE-03)',
      };
    case 'CLIENT_SWITCHED_PROVIDER':
    case 'TRANSFERRED_BY_MUNICIPALITY':
      return {
        reason: 'EARLY_END',
        explanation: `${reason}: the old trajectory closes like an early end (domain.md §7.8, R-END-03)`,
      };
    default:
      if (preset === 'WF_RECOVERY') {
        return {
          reason: 'NOT_COMPLETED_PER_PLAN',
          explanation: `closed ${reason}: the final 1/3 needs completion per plan (${PRESET_RULE.WF_RECOVERY})`,
        };
      }
      return PAY;
  }
}

function notDue(
  decision: CareDecisionTerms,
  closureReason: ClosureReason,
  refusal: Refusal,
): FinalTrancheNotDue {
  return {
    due: false,
    kind: 'FINAL',
    decisionVersion: decision.decisionVersion,
    closureReason,
    reason: refusal.reason,
    explanation: refusal.explanation,
  };
}

/**
 * The final tranche at closure, from the decision in force (domain.md §7.7: amounts come from the current
 * CareDecision version). Amount = max(0, tariff − paid so far) (domain.md §7.8), which is tariff − initial
 * when nothing changed, the rest of the new tariff after a scale-up, and 0 when a scale-down left the
 * provider paid in full already. A final of 0 is reported as NOTHING_LEFT_TO_PAY rather than a €0 payment.
 * Periodic and task presets have no final tranche.
 */
export function finalTranche(
  policy: PaymentPolicy,
  decision: CareDecisionTerms,
  input: FinalTrancheInput,
): FinalTrancheOutcome {
  assertDecisionFitsPolicy(policy, decision);
  assertCents(input.paidSoFarCents, 'paidSoFarCents');
  const closureReason = input.closureReason;
  if (!isClosureReason(closureReason)) {
    throw new PaymentRuleError('INVALID_CLOSURE', `unknown closure reason ${String(closureReason)}`);
  }
  const rule = PRESET_RULE[policy.preset];
  if (!isTrajectoryPricedPreset(policy.preset)) {
    return notDue(decision, closureReason, {
      reason: 'POLICY_HAS_NO_FINAL_TRANCHE',
      explanation: `${policy.preset} pays per period or not per client and has no final tranche (${rule})`,
    });
  }
  const refusal = refusalFor(policy.preset, input);
  if (refusal !== undefined) return notDue(decision, closureReason, refusal);

  const tariff = decision.tariffCents;
  const amount = Math.max(0, tariff - input.paidSoFarCents);
  if (amount === 0) {
    return notDue(decision, closureReason, {
      reason: 'NOTHING_LEFT_TO_PAY',
      explanation: `tariff ${tariff} cents is covered by ${input.paidSoFarCents} cents already paid; final = max(0, tariff − paid) (domain.md §7.8)`,
    });
  }
  // domain.md §7.8: completed per plan but results not achieved is still paid; attainment is recorded only.
  const attainment =
    input.resultsAchieved === false ? '; results not achieved, still paid (domain.md §7.8, R-PAY-04)' : '';
  return {
    due: true,
    tranche: {
      kind: 'FINAL',
      amountCents: amount,
      basis: `tariff ${tariff} − paid ${input.paidSoFarCents} cents at closure ${closureReason} (${rule}; domain.md §7.8)${attainment}`,
      decisionVersion: decision.decisionVersion,
    },
  };
}

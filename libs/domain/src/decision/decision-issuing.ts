import { selectPaymentPolicy } from '../payments';
import type { PaymentPolicy } from '../payments';
import { decisionValidTo, paymentPeriodFor } from '../policy';
import type { ArrangementTerms } from '../shared/arrangement-terms';
import type { CareDecision, DecisionCause } from '../trajectory/care-decision';
import { currentDecision } from '../trajectory/care-decision';
import { deadlineFrom, multiplyDuration } from '../shared/policy-time';
import { notify } from '../trajectory/transition-draft';
import type { TransitionDraft } from '../trajectory/transition-draft';
import type { TrajectoryState } from '../trajectory/trajectory-state';

export interface DecisionInput {
  arrangement: ArrangementTerms;
  providerId: string;
  cause: DecisionCause;
  approvedBy: 'LOCAL_TEAM' | 'BREAKTHROUGH_TABLE';
  provisional?: boolean;
  profileCode?: string;
  intensityCode?: string;
  /** Default: now. */
  validFrom?: string;
  /** NEW: validity from the policy (§7.2 CareDecision validTo). KEEP: the current decision's validTo. */
  validity: 'NEW' | 'KEEP';
  amendsVersion?: number;
}

/** Sanity cap on counted periods (ten years of 4-week periods); not a rule from the documents. */
const MAX_COUNTED_PERIODS = 131;

/**
 * R-TAR-01 "een totaal budget voor het traject": the tariff for trajectory and yearly prices, the sum of
 * the periods that begin within the validity for period prices, nothing for a task budget (R-TAR-11).
 */
function totalBudgetCents(
  state: TrajectoryState,
  policy: PaymentPolicy,
  tariffCents: number,
  validFrom: string,
  validTo: string,
): number {
  if (policy.preset === 'TASK_BUDGET') return 0;
  if (policy.preset !== 'MONTHLY' && policy.preset !== 'PERIOD_4W_BLOCKS') return tariffCents;
  const period = paymentPeriodFor(state.policy, policy.periodLength ?? 'P1M');
  let periods = 0;
  while (
    periods < MAX_COUNTED_PERIODS &&
    deadlineFrom(state.policy, validFrom, multiplyDuration(period, periods)) < validTo
  ) {
    periods += 1;
  }
  return tariffCents * periods;
}

/**
 * The payment policy: chosen from the arrangement's pricing basis, its own preset if the catalogue gives one,
 * and the region's split frozen in the policy snapshot, at the first decision (decisions.md 1, 7), and frozen
 * once care has started (decisions.md 2).
 */
function paymentPolicyFor(state: TrajectoryState, arrangement: ArrangementTerms): PaymentPolicy {
  const current = currentDecision(state);
  if (current !== undefined && state.startedAt !== undefined) return current.paymentPolicy;
  return selectPaymentPolicy({
    arrangementPricingBasis: arrangement.pricingBasis,
    regionTrajectorySplit: state.policy.regionTrajectorySplit,
    ...(arrangement.paymentPreset !== undefined ? { arrangementPreset: arrangement.paymentPreset } : {}),
  });
}

function validToFor(state: TrajectoryState, validFrom: string, validity: 'NEW' | 'KEEP'): string {
  const current = currentDecision(state);
  if (validity === 'KEEP' && current !== undefined) return current.validTo;
  const plannedEnd = state.plan?.plannedEndAt;
  return decisionValidTo(state.policy, {
    validFrom: new Date(validFrom),
    highComplexity: state.complexity === 'HIGH',
    // A planned end already behind the new decision's start no longer bounds it; the policy's fallback does.
    plannedEndAt: plannedEnd !== undefined && plannedEnd > validFrom ? new Date(plannedEnd) : undefined,
  }).toISOString();
}

/**
 * Issues a new CareDecision version with its 301 assignment, together (R-ROLE-09), and makes the
 * decided provider the lead provider.
 */
export function issueDecision(draft: TransitionDraft, input: DecisionInput): CareDecision {
  const state = draft.state;
  const previous = currentDecision(state);
  const validFrom = input.validFrom ?? draft.at;
  const validTo = validToFor(state, validFrom, input.validity);
  const paymentPolicy = paymentPolicyFor(state, input.arrangement);
  const profileCode = input.profileCode ?? previous?.profileCode ?? state.plan?.profileCode;
  const intensityCode = input.intensityCode ?? previous?.intensityCode ?? state.plan?.intensityCode;
  const decision: CareDecision = {
    version: state.decisions.length + 1,
    cause: input.cause,
    decisionDate: draft.at,
    validFrom,
    validTo,
    arrangement: { ...input.arrangement },
    ...(profileCode !== undefined ? { profileCode } : {}),
    ...(intensityCode !== undefined ? { intensityCode } : {}),
    providerId: input.providerId,
    segment: state.segment,
    complexity: state.complexity,
    totalBudgetCents: totalBudgetCents(
      state,
      paymentPolicy,
      input.arrangement.tariffCents,
      validFrom,
      validTo,
    ),
    paymentPolicy,
    approvedBy: input.approvedBy,
    provisional: input.provisional === true,
    ...(input.amendsVersion !== undefined ? { amendsVersion: input.amendsVersion } : {}),
  };
  state.decisions.push(decision);
  state.leadProviderId = input.providerId;
  draft.effects.push({
    kind: 'ISSUE_DECISION',
    trajectoryId: state.trajectoryId,
    decision,
    assignment: {
      providerId: input.providerId,
      decisionVersion: decision.version,
      idempotencyKey: `${state.trajectoryId}:301:${decision.version}`,
    },
  });
  notify(draft, 'DECISION_ISSUED', 'PROVIDER', {
    providerId: input.providerId,
    decisionVersion: String(decision.version),
  });
  return decision;
}

/** Starts the provider's start clock after a decision (domain.md §4.5: 10 working days, then escalation). */
export function startProviderClock(draft: TransitionDraft): void {
  draft.state.providerStartDeadlineAt = deadlineFrom(
    draft.state.policy,
    draft.now,
    draft.state.policy.providerStartDeadline,
  );
}

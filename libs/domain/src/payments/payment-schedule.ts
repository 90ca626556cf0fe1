import type { CareDecisionTerms } from './care-decision-terms';
import { NEVER_STARTED_CLOSURE_REASONS } from './closure-reason';
import { correctionTranche } from './correction-tranche';
import { finalTranche } from './final-tranche';
import type { FinalTrancheNotDue } from './final-tranche';
import { Cents, sumCents } from './money';
import type { PaymentHistory, PaymentHistoryEvent } from './payment-history';
import { assertPaymentPolicy } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { PaymentRuleError } from './payment-rule-error';
import { periodTranche } from './period-tranche';
import type { PlannedTranche } from './planned-tranche';
import { scalingAdjustment } from './scaling-adjustment';
import { tranchesAtStart } from './start-tranches';

/** Every tranche the policy expects for a history, in the order the events make them due. */
export interface PaymentSchedule {
  readonly tranches: readonly PlannedTranche[];
  /** Σ tranches: what reconciliation compares with Σ of the tranches actually issued. */
  readonly totalCents: Cents;
  readonly currentDecision?: CareDecisionTerms;
  /** Set when the trajectory closed after its start without a final tranche (a CANCELLED ledger row). */
  readonly finalNotDue?: FinalTrancheNotDue;
  readonly closed: boolean;
}

/** The decision in force with the price corrections that amended it (R-TAR-05 versioning). */
interface CorrectionChain {
  /** Index of the START_CONFIRMED or ARRANGEMENT_CHANGED event whose decision the corrections amend. */
  readonly rootIndex: number;
  /** The versions of that decision and of each correction of it since, oldest first. */
  readonly versions: readonly number[];
}

interface ReplayState {
  readonly tranches: PlannedTranche[];
  totalCents: Cents;
  /** ADJUSTMENT tranches issued so far. */
  adjustments: number;
  current?: CareDecisionTerms;
  chain: CorrectionChain;
  lastPeriod: number;
  closed: boolean;
  finalNotDue?: FinalTrancheNotDue;
}

function historyError(index: number, problem: string): PaymentRuleError {
  return new PaymentRuleError('INVALID_HISTORY', `event ${index}: ${problem}`);
}

function issue(state: ReplayState, tranches: readonly PlannedTranche[]): void {
  state.tranches.push(...tranches);
  state.totalCents = sumCents([state.totalCents, ...tranches.map((t) => t.amountCents)]);
  state.adjustments += tranches.filter((t) => t.kind === 'ADJUSTMENT').length;
}

function requireStarted(state: ReplayState, index: number, type: string): CareDecisionTerms {
  if (state.current === undefined) throw historyError(index, `${type} before START_CONFIRMED`);
  return state.current;
}

function requireActive(state: ReplayState, index: number, type: string): CareDecisionTerms {
  if (state.closed) throw historyError(index, `${type} after CLOSED`);
  return requireStarted(state, index, type);
}

/** 1 + the ADJUSTMENT tranches so far: the sequence a workflow following the same rule also assigns. */
function nextAdjustmentSeq(state: ReplayState): number {
  return 1 + state.adjustments;
}

/**
 * What a PRICE_CORRECTED event at `index` counts as due: the total of the history before it, replayed as if
 * the amended decision had carried the corrected price from the start (retroactively, R-END-05). The
 * amended decision may itself be a correction of an earlier one, so the whole chain is repriced; its
 * corrections then repeat the price they amend and cost nothing, and one replay suffices. Dues of
 * corrections before the chain are reused (their inputs are unchanged). Cost: one replay per correction.
 */
function dueAtCorrectedPrice(
  policy: PaymentPolicy,
  history: PaymentHistory,
  index: number,
  state: ReplayState,
  correctedTariffCents: Cents,
  dues: Map<number, Cents>,
): Cents {
  // The same price again: the history as if it always had that price is the history itself.
  if (correctedTariffCents === state.current?.tariffCents) return state.totalCents;
  const known = dues.get(index);
  if (known !== undefined) return known;
  const chain = new Set(state.chain.versions);
  const variant = history
    .slice(0, index)
    .map((event) =>
      'decision' in event && chain.has(event.decision.decisionVersion)
        ? { ...event, decision: { ...event.decision, tariffCents: correctedTariffCents } }
        : event,
    );
  const unchanged = new Map([...dues].filter(([at]) => at < state.chain.rootIndex));
  const due = replay(policy, variant, unchanged).totalCents;
  dues.set(index, due);
  return due;
}

function applyEvent(
  policy: PaymentPolicy,
  history: PaymentHistory,
  index: number,
  state: ReplayState,
  dues: Map<number, Cents>,
): void {
  const event: PaymentHistoryEvent = history[index];
  switch (event.type) {
    case 'START_CONFIRMED':
      if (state.closed || state.current !== undefined) {
        throw historyError(index, 'START_CONFIRMED twice or after CLOSED');
      }
      issue(state, tranchesAtStart(policy, event.decision));
      state.current = event.decision;
      state.chain = { rootIndex: index, versions: [event.decision.decisionVersion] };
      state.lastPeriod = 1;
      return;
    case 'PERIOD_STARTED': {
      const current = requireActive(state, index, event.type);
      if (event.period !== state.lastPeriod + 1) {
        throw historyError(
          index,
          `period ${String(event.period)} does not follow period ${state.lastPeriod}`,
        );
      }
      issue(state, [periodTranche(policy, current, event.period)]);
      state.lastPeriod = event.period;
      return;
    }
    case 'ARRANGEMENT_CHANGED': {
      const oldDecision = requireActive(state, index, event.type);
      const outcome = scalingAdjustment(policy, {
        oldDecision,
        newDecision: event.decision,
        paidSoFarCents: state.totalCents,
        adjustmentSeq: nextAdjustmentSeq(state),
      });
      if (outcome.treatment === 'ADJUSTMENT_NOW') issue(state, [outcome.tranche]);
      state.current = event.decision;
      state.chain = { rootIndex: index, versions: [event.decision.decisionVersion] };
      return;
    }
    case 'PRICE_CORRECTED': {
      const amended = requireStarted(state, index, event.type);
      const tranche = correctionTranche(policy, {
        amendedDecision: amended,
        correctedDecision: event.decision,
        paidSoFarCents: state.totalCents,
        dueAtCorrectedPriceCents: dueAtCorrectedPrice(
          policy,
          history,
          index,
          state,
          event.decision.tariffCents,
          dues,
        ),
        adjustmentSeq: nextAdjustmentSeq(state),
      });
      if (tranche !== undefined) issue(state, [tranche]);
      state.current = event.decision;
      state.chain = { ...state.chain, versions: [...state.chain.versions, event.decision.decisionVersion] };
      return;
    }
    case 'CLOSED': {
      if (state.closed) throw historyError(index, 'CLOSED twice');
      state.closed = true;
      // Closed before care started: nothing was ever due (domain.md §7.4).
      if (state.current === undefined) return;
      if (NEVER_STARTED_CLOSURE_REASONS.includes(event.closure.closureReason)) {
        throw historyError(index, `${event.closure.closureReason} after the start of care`);
      }
      const outcome = finalTranche(policy, state.current, {
        ...event.closure,
        paidSoFarCents: state.totalCents,
      });
      if (outcome.due) issue(state, [outcome.tranche]);
      else state.finalNotDue = outcome;
      return;
    }
    default:
      throw historyError(index, `unknown event type ${String((event as { type?: unknown }).type)}`);
  }
}

function replay(
  policy: PaymentPolicy,
  history: PaymentHistory,
  knownDues: ReadonlyMap<number, Cents>,
): ReplayState {
  const state: ReplayState = {
    tranches: [],
    totalCents: 0,
    adjustments: 0,
    chain: { rootIndex: -1, versions: [] },
    lastPeriod: 0,
    closed: false,
  };
  const dues = new Map(knownDues);
  for (let index = 0; index < history.length; index += 1) applyEvent(policy, history, index, state, dues);
  return state;
}

/**
 * Replays a trajectory's payment history through the rules (tranchesAtStart, periodTranche,
 * scalingAdjustment, priceCorrection, finalTranche) and returns every tranche they make due. Pure and
 * deterministic: the same policy and history always give the same schedule, keys included.
 * A PRICE_CORRECTED event replays the history before it with the corrected price to learn what would have
 * been due, so the trajectory ends up exactly where it would be had the decision always said that price.
 */
export function paymentScheduleFor(policy: PaymentPolicy, history: PaymentHistory): PaymentSchedule {
  assertPaymentPolicy(policy);
  if (!Array.isArray(history))
    throw new PaymentRuleError('INVALID_HISTORY', 'history must be an array of events');
  const state = replay(policy, history, new Map());
  return {
    tranches: state.tranches,
    totalCents: state.totalCents,
    currentDecision: state.current,
    finalNotDue: state.finalNotDue,
    closed: state.closed,
  };
}

/**
 * The total the policy expects for a history (decision versions, periods begun, closure), for reconciliation
 * against Σ of the tranches actually issued.
 */
export function expectedTotalCents(policy: PaymentPolicy, history: PaymentHistory): Cents {
  return paymentScheduleFor(policy, history).totalCents;
}

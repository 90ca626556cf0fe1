import {
  isPeriodPricedPreset,
  NEVER_STARTED_CLOSURE_REASONS,
  type CareDecisionTerms,
  type ClosureReason,
  type PaymentHistoryEvent,
  type PaymentPolicy,
  type PricingBasis,
} from '@app/domain';
import { ISSUED_STATUSES } from '../payment-status';
import type { DecisionFact, LedgerFact, TrajectoryFact } from './reconciliation-facts';

/** Read-model statuses that mean care has started (domain.md §7.3). */
const STARTED_STATUSES = ['ACTIVE', 'REASSESSMENT', 'COMPLETING'];

export function toTerms(d: DecisionFact): CareDecisionTerms {
  return {
    decisionVersion: d.version,
    arrangementCode: d.arrangementCode,
    tariffCents: d.tariffCents,
    pricingBasis: d.pricingBasis as PricingBasis,
    validFrom: d.validFrom,
    ...(d.validTo ? { validTo: d.validTo } : {}),
  };
}

function isLive(p: LedgerFact): boolean {
  return p.status === 'WITHHELD' || (ISSUED_STATUSES as readonly string[]).includes(p.status);
}

/** The tranche paid when care started: the INITIAL, or the first period of a period-priced trajectory. */
function startTranche(payments: readonly LedgerFact[]): LedgerFact | undefined {
  return (
    payments.find((p) => p.kind === 'INITIAL') ??
    payments.find((p) => (p.kind === 'PERIOD' || p.kind === 'ANNUAL') && p.period === 1)
  );
}

function startedByStatus(trajectory: TrajectoryFact | undefined): boolean {
  if (!trajectory) return false;
  if (STARTED_STATUSES.includes(trajectory.status)) return true;
  const reason = trajectory.closureReason;
  return (
    trajectory.status === 'CLOSED' &&
    reason !== null &&
    !(NEVER_STARTED_CLOSURE_REASONS as readonly string[]).includes(reason)
  );
}

/** The decision version each begun period was paid on (the live row first), for ordering decision changes. */
function periodVersions(payments: readonly LedgerFact[]): Map<number, number> {
  const versions = new Map<number, number>();
  const periodic = payments
    .filter((p) => (p.kind === 'PERIOD' || p.kind === 'ANNUAL') && p.period !== null)
    .sort((a, b) => Number(isLive(b)) - Number(isLive(a)) || a.decisionVersion - b.decisionVersion);
  for (const p of periodic)
    if (!versions.has(p.period as number)) versions.set(p.period as number, p.decisionVersion);
  return versions;
}

export interface ReconstructedHistory {
  policy: unknown;
  history: PaymentHistoryEvent[];
}

/**
 * Rebuilds a trajectory's payment history (payments module PaymentHistory) from what PostgreSQL knows:
 * - START_CONFIRMED when the read model says care started, or a start tranche exists; on the decision version
 *   that start tranche was paid on (a provisional start pays on the offered arrangement, decisions.md 3),
 *   else on the first decision;
 * - every later decision version: PRICE_CORRECTED when its cause is PRICE_CORRECTION, else ARRANGEMENT_CHANGED;
 * - PERIOD_STARTED for periods 2 … the highest period in the ledger (period-priced policies only), with each
 *   decision change placed before the first period paid on it (domain.md §7.8: new rate from the next period);
 * - CLOSED from the read model's closure reason; a price correction decided after closure goes after it.
 * Limits: the number of periods begun comes from the ledger, so a period never written at the end of the
 * ledger is not detected (gaps are); closure facts not in the read model are inferred (see closureFacts).
 */
export function reconstructHistory(
  decisions: readonly DecisionFact[],
  payments: readonly LedgerFact[],
  trajectory: TrajectoryFact | undefined,
): ReconstructedHistory {
  const sorted = [...decisions].sort((a, b) => a.version - b.version);
  const start = startTranche(payments);
  const startDecision = (start && sorted.find((d) => d.version === start.decisionVersion)) ?? sorted[0];
  const policy = startDecision.paymentPolicy;
  const history: PaymentHistoryEvent[] = [];
  const closed = trajectory?.status === 'CLOSED' && trajectory.closureReason !== null;
  const closeEvent = (): PaymentHistoryEvent => closureEvent(trajectory as TrajectoryFact, payments);

  if (!startedByStatus(trajectory) && start === undefined) {
    if (closed) history.push(closeEvent());
    return { policy, history };
  }
  history.push({ type: 'START_CONFIRMED', decision: toTerms(startDecision) });
  const pending = sorted.filter((d) => d.version > startDecision.version);
  const changeEvent = (d: DecisionFact): PaymentHistoryEvent =>
    d.cause === 'PRICE_CORRECTION'
      ? { type: 'PRICE_CORRECTED', decision: toTerms(d) }
      : { type: 'ARRANGEMENT_CHANGED', decision: toTerms(d) };

  const preset = (policy as Partial<PaymentPolicy> | null)?.preset;
  if (isPeriodPricedPreset(preset)) {
    const versions = periodVersions(payments);
    const lastPeriod = Math.max(1, ...versions.keys());
    for (let period = 2; period <= lastPeriod; period += 1) {
      const paidOn = versions.get(period);
      while (paidOn !== undefined && pending.length > 0 && pending[0].version <= paidOn) {
        history.push(changeEvent(pending.shift() as DecisionFact));
      }
      history.push({ type: 'PERIOD_STARTED', period });
    }
  }
  let closedPushed = false;
  for (const d of pending) {
    const afterClosure =
      closed &&
      d.cause === 'PRICE_CORRECTION' &&
      trajectory?.closedOn != null &&
      d.decisionDate > trajectory.closedOn;
    if (afterClosure && !closedPushed) {
      history.push(closeEvent());
      closedPushed = true;
    }
    history.push(changeEvent(d));
  }
  if (closed && !closedPushed) history.push(closeEvent());
  return { policy, history };
}

/**
 * Closure facts from the read model. RESTARTED_FOR_NEW_NEED pays the old final tranche only when the local
 * team confirmed the old plan was completed (domain.md §7.8); the read model's summary may carry
 * `localTeamConfirmedOldPlanCompleted`; without it, a live FINAL row is taken as that confirmation.
 * An unknown closure reason is passed through, and the payment rules refuse it (POLICY_REFUSED).
 */
function closureEvent(trajectory: TrajectoryFact, payments: readonly LedgerFact[]): PaymentHistoryEvent {
  const reason = trajectory.closureReason as string;
  const confirmed = trajectory.summary.localTeamConfirmedOldPlanCompleted;
  return {
    type: 'CLOSED',
    closure: {
      closureReason: reason as ClosureReason,
      localTeamConfirmedOldPlanCompleted:
        typeof confirmed === 'boolean' ? confirmed : payments.some((p) => p.kind === 'FINAL' && isLive(p)),
    },
  };
}

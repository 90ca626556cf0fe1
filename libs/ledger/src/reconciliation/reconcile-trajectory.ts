import {
  assertPaymentPolicy,
  paymentIdempotencyKey,
  paymentScheduleFor,
  sumCents,
  type PaymentPolicy,
  type PaymentSchedule,
  type PlannedTranche,
} from '@app/domain';
import { ISSUED_STATUSES } from '../payment-status';
import type {
  DecisionFact,
  Deviation,
  LedgerFact,
  TrajectoryFact,
  TrajectoryReconciliation,
} from './reconciliation-facts';
import { reconstructHistory } from './trajectory-history';

const isIssued = (p: LedgerFact) => (ISSUED_STATUSES as readonly string[]).includes(p.status);
const isLive = (p: LedgerFact) => isIssued(p) || p.status === 'WITHHELD';
const keysOf = (rows: readonly LedgerFact[]) => rows.map((r) => r.idempotencyKey);
const slot = (kind: string, period: number | null | undefined) => `${kind}${period ? `#${period}` : ''}`;
const euros = (cents: number) => `${cents} cents`;

function groupBySlot(rows: readonly LedgerFact[]): Map<string, LedgerFact[]> {
  const groups = new Map<string, LedgerFact[]>();
  for (const r of rows)
    groups.set(slot(r.kind, r.period), [...(groups.get(slot(r.kind, r.period)) ?? []), r]);
  return groups;
}

/** Compares one expected tranche with the live rows in its slot. */
function checkSlot(
  expected: PlannedTranche,
  rows: readonly LedgerFact[],
  cancelled: readonly LedgerFact[],
): Deviation[] {
  const where = { kind: expected.kind, ...(expected.period ? { period: expected.period } : {}) };
  const name = `${expected.kind}${expected.period ? ` period ${expected.period}` : ''}`;
  if (rows.length === 0) {
    return [
      cancelled.length > 0
        ? {
            code: 'DUE_BUT_CANCELLED',
            ...where,
            expectedCents: expected.amountCents,
            idempotencyKeys: keysOf(cancelled),
            message: `${name} of ${euros(expected.amountCents)} is due (${expected.basis}) but the ledger cancelled it`,
          }
        : {
            code: 'MISSING_TRANCHE',
            ...where,
            expectedCents: expected.amountCents,
            idempotencyKeys: [],
            message: `${name} of ${euros(expected.amountCents)} is due (${expected.basis}) and missing from the ledger`,
          },
    ];
  }
  const ledgerCents = sumCents(rows.map((r) => r.amountCents));
  if (rows.length > 1) {
    return [
      {
        code: 'DUPLICATE_TRANCHE',
        ...where,
        expectedCents: expected.amountCents,
        ledgerCents,
        idempotencyKeys: keysOf(rows),
        message: `${name} is in the ledger ${rows.length} times (${euros(ledgerCents)}); due once: ${euros(expected.amountCents)}`,
      },
    ];
  }
  if (rows[0].amountCents !== expected.amountCents) {
    return [
      {
        code: 'AMOUNT_MISMATCH',
        ...where,
        expectedCents: expected.amountCents,
        ledgerCents,
        idempotencyKeys: keysOf(rows),
        message: `${name}: ledger ${euros(ledgerCents)}, rules ${euros(expected.amountCents)} (${expected.basis})`,
      },
    ];
  }
  return [];
}

/** ADJUSTMENTs have no slot of their own: match by idempotency key, then in order. */
function checkAdjustments(trajectoryId: string, expected: PlannedTranche[], rows: LedgerFact[]): Deviation[] {
  const deviations: Deviation[] = [];
  const unmatchedRows = [...rows].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  const unmatchedExpected: PlannedTranche[] = [];
  for (const tranche of expected) {
    let key: string | undefined;
    try {
      key = paymentIdempotencyKey({
        trajectoryId,
        kind: 'ADJUSTMENT',
        decisionVersion: tranche.decisionVersion,
        adjustmentSeq: tranche.adjustmentSeq,
      });
    } catch {
      key = undefined;
    }
    const index = unmatchedRows.findIndex((r) => r.idempotencyKey === key);
    if (index >= 0) deviations.push(...checkSlot(tranche, unmatchedRows.splice(index, 1), []));
    else unmatchedExpected.push(tranche);
  }
  for (const tranche of unmatchedExpected) {
    const row = unmatchedRows.shift();
    deviations.push(...checkSlot(tranche, row ? [row] : [], []));
  }
  for (const row of unmatchedRows) {
    deviations.push({
      code: 'UNEXPECTED_TRANCHE',
      kind: 'ADJUSTMENT',
      ledgerCents: row.amountCents,
      idempotencyKeys: [row.idempotencyKey],
      message: `ADJUSTMENT of ${euros(row.amountCents)} (${row.basis}) is not made due by any decision change`,
    });
  }
  return deviations;
}

/** Live rows in slots the rules do not fill. */
function checkUnexpected(
  schedule: PaymentSchedule,
  live: Map<string, LedgerFact[]>,
  cancelled: Map<string, LedgerFact[]>,
): Deviation[] {
  const expectedSlots = new Set(schedule.tranches.map((t) => slot(t.kind, t.period)));
  const deviations: Deviation[] = [];
  for (const [key, rows] of live) {
    if (expectedSlots.has(key) || rows[0].kind === 'ADJUSTMENT') continue;
    const ledgerCents = sumCents(rows.map((r) => r.amountCents));
    const base = {
      kind: rows[0].kind,
      ...(rows[0].period ? { period: rows[0].period } : {}),
      ledgerCents,
      idempotencyKeys: keysOf(rows),
    };
    if (rows[0].kind === 'FINAL' && (schedule.finalNotDue || cancelled.has(key))) {
      const why = schedule.finalNotDue?.explanation ?? 'the ledger also holds a cancelled final tranche';
      deviations.push({
        ...base,
        code: 'PAID_AFTER_CANCELLATION',
        message: `FINAL of ${euros(ledgerCents)} is live although it is not due: ${why}`,
      });
    } else {
      deviations.push({
        ...base,
        code: 'UNEXPECTED_TRANCHE',
        message: `${key} of ${euros(ledgerCents)} is in the ledger but the rules make it due only ${schedule.closed ? 'never' : 'later, if at all'}`,
      });
    }
  }
  return deviations;
}

/**
 * Reconciles one trajectory: replays its history through the payment rules (payments module
 * paymentScheduleFor / expectedTotalCents) and compares every expected tranche, and the total, with the
 * ledger. CANCELLED rows count for nothing; WITHHELD rows are due-but-withheld and count as accounted for.
 */
export function reconcileTrajectory(
  trajectoryId: string,
  decisions: readonly DecisionFact[],
  payments: readonly LedgerFact[],
  trajectory: TrajectoryFact | undefined,
): TrajectoryReconciliation {
  const live = payments.filter(isLive);
  const cancelledRows = payments.filter((p) => p.status === 'CANCELLED');
  const result: TrajectoryReconciliation = {
    trajectoryId,
    policyPreset: null,
    trajectoryStatus: trajectory?.status ?? null,
    closureReason: trajectory?.closureReason ?? null,
    expectedCents: null,
    issuedCents: sumCents(payments.filter(isIssued).map((p) => p.amountCents)),
    withheldCents: sumCents(payments.filter((p) => p.status === 'WITHHELD').map((p) => p.amountCents)),
    cancelledCount: cancelledRows.length,
    expectedTranches: 0,
    ledgerRows: payments.length,
    deviations: [],
  };
  if (decisions.length === 0) {
    if (live.length > 0) {
      result.deviations.push({
        code: 'NO_CARE_DECISION',
        idempotencyKeys: keysOf(live),
        ledgerCents: result.issuedCents,
        message: `${live.length} live payment(s) without any recorded care decision`,
      });
    }
    return result;
  }
  const versions = new Set(decisions.map((d) => d.version));
  for (const p of payments.filter((row) => !versions.has(row.decisionVersion))) {
    result.deviations.push({
      code: 'UNKNOWN_DECISION_VERSION',
      kind: p.kind,
      idempotencyKeys: [p.idempotencyKey],
      message: `${p.kind} names decision version ${p.decisionVersion}, which was never recorded`,
    });
  }
  let schedule: PaymentSchedule;
  try {
    const { policy, history } = reconstructHistory(decisions, payments, trajectory);
    assertPaymentPolicy(policy as PaymentPolicy);
    result.policyPreset = (policy as PaymentPolicy).preset;
    schedule = paymentScheduleFor(policy as PaymentPolicy, history);
  } catch (error) {
    result.deviations.push({
      code: 'POLICY_REFUSED',
      idempotencyKeys: [],
      message: `the payment rules refuse this trajectory's decisions or history: ${error instanceof Error ? error.message : String(error)}`,
    });
    return result;
  }
  result.expectedCents = schedule.totalCents;
  result.expectedTranches = schedule.tranches.length;
  const liveBySlot = groupBySlot(live.filter((p) => p.kind !== 'ADJUSTMENT'));
  const cancelledBySlot = groupBySlot(cancelledRows);
  for (const tranche of schedule.tranches.filter((t) => t.kind !== 'ADJUSTMENT')) {
    const key = slot(tranche.kind, tranche.period);
    result.deviations.push(...checkSlot(tranche, liveBySlot.get(key) ?? [], cancelledBySlot.get(key) ?? []));
  }
  result.deviations.push(
    ...checkAdjustments(
      trajectoryId,
      schedule.tranches.filter((t) => t.kind === 'ADJUSTMENT'),
      live.filter((p) => p.kind === 'ADJUSTMENT'),
    ),
    ...checkUnexpected(schedule, liveBySlot, cancelledBySlot),
  );
  const accounted = sumCents([result.issuedCents, result.withheldCents]);
  if (accounted !== schedule.totalCents) {
    result.deviations.push({
      code: 'TOTAL_MISMATCH',
      expectedCents: schedule.totalCents,
      ledgerCents: accounted,
      idempotencyKeys: [],
      message: `expected ${euros(schedule.totalCents)} in total, ledger holds ${euros(accounted)} (issued ${euros(result.issuedCents)} + withheld ${euros(result.withheldCents)})`,
    });
  }
  return result;
}

import {
  paymentIdempotencyKey,
  paymentPolicyFor,
  paymentScheduleFor,
  type PaymentHistory,
  type PaymentPolicy,
  type PaymentPolicyPreset,
} from '@app/domain';
import type { PaymentInstructionView } from '@app/contracts';
import type { DecisionFact, TrajectoryFact } from './reconciliation-facts';
import { reconcileTrajectory } from './reconcile-trajectory';

const ID = 'trajectory-GM0405-UNIT-1';

function decision(
  policy: PaymentPolicy,
  version: number,
  tariffCents: number,
  extra: Partial<DecisionFact> = {},
): DecisionFact {
  return {
    version,
    cause: version === 1 ? 'PLAN_APPROVAL' : 'SCALING',
    decisionDate: '2026-02-01',
    validFrom: '2026-02-01',
    validTo: null,
    arrangementCode: `ARR-${version}`,
    tariffCents,
    pricingBasis: policy.pricingBasis,
    paymentPolicy: policy,
    amendsVersion: null,
    ...extra,
  };
}

const terms = (d: DecisionFact) => ({
  decisionVersion: d.version,
  arrangementCode: d.arrangementCode,
  tariffCents: d.tariffCents,
  pricingBasis: d.pricingBasis as PaymentPolicy['pricingBasis'],
  validFrom: d.validFrom,
});

/** The ledger a correct workflow writes for `history`: every tranche, keyed, SCHEDULED. */
function ledgerFor(policy: PaymentPolicy, history: PaymentHistory): PaymentInstructionView[] {
  return paymentScheduleFor(policy, history).tranches.map((t, i) => ({
    id: String(i + 1),
    idempotencyKey: paymentIdempotencyKey({ trajectoryId: ID, ...t }),
    trajectoryId: ID,
    municipalityCode: 'GM0405',
    providerId: 'prov-017',
    kind: t.kind,
    amountCents: t.amountCents,
    basis: t.basis,
    decisionVersion: t.decisionVersion,
    period: t.period ?? null,
    dueDate: '2026-02-01',
    status: 'SCHEDULED',
    statusReason: null,
    exportBatchId: null,
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
  }));
}

const closed = (closureReason: string, closedOn = '2026-10-01'): TrajectoryFact => ({
  status: 'CLOSED',
  closureReason,
  closedOn,
  summary: {},
});
const active: TrajectoryFact = { status: 'ACTIVE', closureReason: null, closedOn: null, summary: {} };
const policy = (preset: PaymentPolicyPreset) => paymentPolicyFor(preset);

describe('reconcileTrajectory', () => {
  it('accepts a negative price correction decided after completion (R-END-05)', () => {
    const p = policy('WF_RECOVERY');
    const v1 = decision(p, 1, 900_000);
    const v2 = decision(p, 2, 600_000, {
      cause: 'PRICE_CORRECTION',
      arrangementCode: 'ARR-1',
      amendsVersion: 1,
      decisionDate: '2026-11-01',
    });
    const history: PaymentHistory = [
      { type: 'START_CONFIRMED', decision: terms(v1) },
      { type: 'CLOSED', closure: { closureReason: 'COMPLETED_PER_PLAN' } },
      { type: 'PRICE_CORRECTED', decision: terms(v2) },
    ];
    const ledger = ledgerFor(p, history);
    expect(ledger.map((r) => [r.kind, r.amountCents])).toEqual([
      ['INITIAL', 600_000],
      ['FINAL', 300_000],
      ['ADJUSTMENT', -300_000],
    ]);
    const result = reconcileTrajectory(ID, [v1, v2], ledger, closed('COMPLETED_PER_PLAN'));
    expect(result).toMatchObject({ expectedCents: 600_000, issuedCents: 600_000, deviations: [] });
  });

  it('places a monthly rate change before the first period paid at the new rate (domain.md §7.8)', () => {
    const p = policy('MONTHLY');
    const v1 = decision(p, 1, 50_000);
    const v2 = decision(p, 2, 80_000);
    const history: PaymentHistory = [
      { type: 'START_CONFIRMED', decision: terms(v1) },
      { type: 'PERIOD_STARTED', period: 2 },
      { type: 'ARRANGEMENT_CHANGED', decision: terms(v2) },
      { type: 'PERIOD_STARTED', period: 3 },
      { type: 'PERIOD_STARTED', period: 4 },
    ];
    const ledger = ledgerFor(p, history);
    expect(reconcileTrajectory(ID, [v1, v2], ledger, active).deviations).toEqual([]);
    const wrongRate = ledger.map((r) =>
      r.period === 4 ? { ...r, amountCents: 50_000, decisionVersion: 1 } : r,
    );
    expect(
      reconcileTrajectory(ID, [v1, v2], wrongRate, active).deviations.map((d) => [d.code, d.period]),
    ).toEqual([
      ['AMOUNT_MISMATCH', 4],
      ['TOTAL_MISMATCH', undefined],
    ]);
  });

  it('checks annual instalments of a high-complexity trajectory to the cent', () => {
    const p = policy('ANNUAL_HIGH_COMPLEX');
    const v1 = decision(p, 1, 4_600_001);
    const history: PaymentHistory = [
      { type: 'START_CONFIRMED', decision: terms(v1) },
      ...Array.from({ length: 11 }, (_, i) => ({ type: 'PERIOD_STARTED' as const, period: i + 2 })),
    ];
    const result = reconcileTrajectory(ID, [v1], ledgerFor(p, history), active);
    expect(result).toMatchObject({
      expectedCents: 4_600_001,
      issuedCents: 4_600_001,
      expectedTranches: 12,
      deviations: [],
    });
  });

  it('pays the initial tranche on the provisional decision and the difference on the settled one (decisions.md 3)', () => {
    const p = policy('WF_RECOVERY');
    const v1 = decision(p, 1, 300_000, { cause: 'PROVISIONAL_START' });
    const v2 = decision(p, 2, 450_000, { cause: 'BREAKTHROUGH' });
    const history: PaymentHistory = [
      { type: 'START_CONFIRMED', decision: terms(v1) },
      { type: 'ARRANGEMENT_CHANGED', decision: terms(v2) },
    ];
    const ledger = ledgerFor(p, history);
    expect(reconcileTrajectory(ID, [v1, v2], ledger, active).deviations).toEqual([]);
    expect(
      reconcileTrajectory(ID, [v1, v2], ledger.slice(0, 1), active).deviations.map((d) => d.code),
    ).toEqual(['MISSING_TRANCHE', 'TOTAL_MISMATCH']);
  });

  it('expects nothing before the start, and flags money without a decision or on an unknown version', () => {
    const p = policy('WF_RECOVERY');
    const v1 = decision(p, 1, 300_000);
    const ledger = ledgerFor(p, [{ type: 'START_CONFIRMED', decision: terms(v1) }]);
    const decided: TrajectoryFact = { status: 'DECIDED', closureReason: null, closedOn: null, summary: {} };
    expect(reconcileTrajectory(ID, [v1], [], decided)).toMatchObject({ expectedCents: 0, deviations: [] });
    expect(reconcileTrajectory(ID, [], ledger, decided).deviations.map((d) => d.code)).toEqual([
      'NO_CARE_DECISION',
    ]);
    const unknown = ledger.map((r) => ({ ...r, decisionVersion: 7 }));
    expect(reconcileTrajectory(ID, [v1], unknown, active).deviations.map((d) => d.code)).toContain(
      'UNKNOWN_DECISION_VERSION',
    );
  });

  it('reports a refused policy snapshot instead of throwing', () => {
    const v1 = decision(policy('WF_RECOVERY'), 1, 300_000, { paymentPolicy: { preset: 'NOPE' } });
    const result = reconcileTrajectory(ID, [v1], [], active);
    expect(result.deviations.map((d) => d.code)).toEqual(['POLICY_REFUSED']);
    expect(result.expectedCents).toBeNull();
  });
});

import type { PaymentRuleErrorCode } from './payment-rule-error';
import { expectedTotalCents, paymentScheduleFor } from './payment-schedule';
import { changed, closed, decision, periodStarted, policy, start } from '../../testing/payment-fixtures';
import { scalingAdjustment } from './scaling-adjustment';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

describe('scalingAdjustment: scaling up and down (domain.md §7.8)', () => {
  const wf = policy('WF_RECOVERY');

  it('§7.8 scale-up 9000 → 15000 under WF_RECOVERY after 6000 paid: ADJUSTMENT 4000 now, final 5000 later, 15000 in all', () => {
    const outcome = scalingAdjustment(wf, {
      oldDecision: decision(wf, 1, 9000),
      newDecision: decision(wf, 2, 15_000),
      paidSoFarCents: 6000,
      adjustmentSeq: 1,
    });
    expect(outcome).toEqual({
      treatment: 'ADJUSTMENT_NOW',
      direction: 'UP',
      projectedFinalCents: 5000,
      tranche: {
        kind: 'ADJUSTMENT',
        amountCents: 4000, // 2/3 × (15000 − 9000)
        decisionVersion: 2,
        adjustmentSeq: 1,
        adjustmentCause: 'SCALING',
        basis: expect.stringContaining('domain.md §7.8'),
      },
    });
    const history = [
      start(decision(wf, 1, 9000)),
      changed(decision(wf, 2, 15_000)),
      closed('COMPLETED_PER_PLAN'),
    ];
    expect(paymentScheduleFor(wf, history).tranches.map((t) => [t.kind, t.amountCents])).toEqual([
      ['INITIAL', 6000],
      ['ADJUSTMENT', 4000],
      ['FINAL', 5000],
    ]);
  });

  it('§7.8 scale-up rounds like the INITIAL tranche: 10000 → 10001 pays 2/3 of 10001 (6667) − 6666 = 1', () => {
    const outcome = scalingAdjustment(wf, {
      oldDecision: decision(wf, 1, 10_000),
      newDecision: decision(wf, 2, 10_001),
      paidSoFarCents: 6666,
      adjustmentSeq: 1,
    });
    expect(outcome.treatment === 'ADJUSTMENT_NOW' && outcome.tranche.amountCents).toBe(1);
  });

  it('§7.8 scale-down 9000 → 7500 after 6000 paid: no reclaim, no tranche, final 1500 later, 7500 in all', () => {
    const outcome = scalingAdjustment(wf, {
      oldDecision: decision(wf, 1, 9000),
      newDecision: decision(wf, 2, 7500),
      paidSoFarCents: 6000,
      adjustmentSeq: 1,
    });
    expect(outcome).toEqual({
      treatment: 'NO_ADJUSTMENT',
      direction: 'DOWN',
      reason: 'SCALE_DOWN_NO_RECLAIM',
      projectedFinalCents: 1500,
    });
    const history = [
      start(decision(wf, 1, 9000)),
      changed(decision(wf, 2, 7500)),
      closed('COMPLETED_PER_PLAN'),
    ];
    expect(expectedTotalCents(wf, history)).toBe(7500);
  });

  it('§7.8 scale-down 9000 → 3000 after 6000 paid keeps the 6000 (no reclaim) and cancels the final', () => {
    const history = [
      start(decision(wf, 1, 9000)),
      changed(decision(wf, 2, 3000)),
      closed('COMPLETED_PER_PLAN'),
    ];
    const schedule = paymentScheduleFor(wf, history);
    expect(schedule.totalCents).toBe(6000);
    expect(schedule.finalNotDue?.reason).toBe('NOTHING_LEFT_TO_PAY');
  });

  it('§7.8 down 9000 → 3000 then up to 6000: the surplus left by no-reclaim counts, no second payment', () => {
    const history = [
      start(decision(wf, 1, 9000)),
      changed(decision(wf, 2, 3000)),
      changed(decision(wf, 3, 6000)),
    ];
    expect(paymentScheduleFor(wf, history).tranches.map((t) => t.kind)).toEqual(['INITIAL']);
    const outcome = scalingAdjustment(wf, {
      oldDecision: decision(wf, 2, 3000),
      newDecision: decision(wf, 3, 6000),
      paidSoFarCents: 6000,
      adjustmentSeq: 1,
    });
    expect(outcome).toEqual(
      expect.objectContaining({ treatment: 'NO_ADJUSTMENT', reason: 'INITIAL_SHARE_ALREADY_PAID' }),
    );
  });

  it('§7.8 down 9000 → 3000 then up to 12000: ADJUSTMENT 2000 (8000 − 6000), final 4000, 12000 in all', () => {
    const history = [
      start(decision(wf, 1, 9000)),
      changed(decision(wf, 2, 3000)),
      changed(decision(wf, 3, 12_000)),
      closed('COMPLETED_PER_PLAN'),
    ];
    expect(paymentScheduleFor(wf, history).tranches.map((t) => t.amountCents)).toEqual([6000, 2000, 4000]);
  });

  it('§7.8 a lateral change to another arrangement at the same tariff pays nothing now', () => {
    const outcome = scalingAdjustment(wf, {
      oldDecision: decision(wf, 1, 9000, 'ARR-A'),
      newDecision: decision(wf, 2, 9000, 'ARR-B'),
      paidSoFarCents: 6000,
      adjustmentSeq: 1,
    });
    expect(outcome).toEqual(
      expect.objectContaining({ treatment: 'NO_ADJUSTMENT', direction: 'LATERAL', reason: 'SAME_TARIFF' }),
    );
  });

  it('decisions.md 3 provisional start settled by the table on a heavier arrangement: the difference is a scaling ADJUSTMENT', () => {
    const friesland = policy('FRIESLAND_70_30');
    const history = [
      start(decision(friesland, 1, 20_000, 'OFFERED')),
      changed(decision(friesland, 2, 30_000, 'SETTLED')),
    ];
    expect(paymentScheduleFor(friesland, history).tranches.map((t) => [t.kind, t.amountCents])).toEqual([
      ['INITIAL', 14_000],
      ['ADJUSTMENT', 7000],
    ]);
  });

  it('§7.8 MONTHLY scale-up: no adjustment; the new rate applies from the next period boundary', () => {
    const monthly = policy('MONTHLY');
    const outcome = scalingAdjustment(monthly, {
      oldDecision: decision(monthly, 1, 100_000),
      newDecision: decision(monthly, 2, 150_000),
      paidSoFarCents: 200_000,
      adjustmentSeq: 1,
    });
    expect(outcome).toEqual({
      treatment: 'NEW_RATE_FROM_NEXT_PERIOD',
      direction: 'UP',
      newDecisionVersion: 2,
      newRateCents: 150_000,
    });
    const history = [
      start(decision(monthly, 1, 100_000)),
      periodStarted(2),
      changed(decision(monthly, 2, 150_000)),
      periodStarted(3),
    ];
    expect(
      paymentScheduleFor(monthly, history).tranches.map((t) => [t.decisionVersion, t.period, t.amountCents]),
    ).toEqual([
      [1, 1, 100_000],
      [1, 2, 100_000],
      [2, 3, 150_000],
    ]);
  });

  it('§7.8 ANNUAL_HIGH_COMPLEX scale-down in month 7: instalments 7..12 follow the new annual price', () => {
    const annual = policy('ANNUAL_HIGH_COMPLEX');
    const history = [start(decision(annual, 1, 120_000))];
    for (let p = 2; p <= 6; p += 1) history.push(periodStarted(p));
    history.push(changed(decision(annual, 2, 60_000)));
    for (let p = 7; p <= 12; p += 1) history.push(periodStarted(p));
    // Six months at 10000 and six at 5000: the year costs the pro-rata blend of both prices.
    expect(expectedTotalCents(annual, history)).toBe(90_000);
  });

  it('R-TAR-11 TASK_BUDGET scaling has no client payments', () => {
    const task = policy('TASK_BUDGET');
    const outcome = scalingAdjustment(task, {
      oldDecision: decision(task, 1, 0),
      newDecision: decision(task, 2, 0),
      paidSoFarCents: 0,
      adjustmentSeq: 1,
    });
    expect(outcome).toEqual({ treatment: 'NO_CLIENT_PAYMENTS', direction: 'LATERAL' });
  });

  it('rejects a new decision that is not a later version, and a sequence below 1', () => {
    const base = { oldDecision: decision(wf, 2, 9000), paidSoFarCents: 6000, adjustmentSeq: 1 };
    expect(() => scalingAdjustment(wf, { ...base, newDecision: decision(wf, 2, 12_000) })).toThrow(
      ruleError('DECISION_VERSION_NOT_NEWER'),
    );
    expect(() =>
      scalingAdjustment(wf, { ...base, newDecision: decision(wf, 3, 12_000), adjustmentSeq: 0 }),
    ).toThrow(ruleError('INVALID_ADJUSTMENT_SEQ'));
  });
});

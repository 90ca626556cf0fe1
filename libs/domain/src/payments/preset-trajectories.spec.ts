import { finalTranche } from './final-tranche';
import { paymentIdempotencyKey } from './payment-idempotency-key';
import type { PaymentHistoryEvent } from './payment-history';
import { expectedTotalCents, paymentScheduleFor } from './payment-schedule';
import {
  changed,
  closed,
  decision,
  periodStarted,
  policy,
  start,
  TRAJECTORY_ID,
} from '../../testing/payment-fixtures';
import { periodTranche } from './period-tranche';
import type { PlannedTranche } from './planned-tranche';
import { tranchesAtStart } from './start-tranches';

const keysOf = (tranches: readonly PlannedTranche[]) =>
  tranches.map((t) => paymentIdempotencyKey({ trajectoryId: TRAJECTORY_ID, ...t }));
const amountsOf = (tranches: readonly PlannedTranche[]) => tranches.map((t) => t.amountCents);
const periods = (from: number, to: number): PaymentHistoryEvent[] =>
  Array.from({ length: to - from + 1 }, (_, i) => periodStarted(from + i));

describe('a full trajectory under every preset (domain.md §7.7)', () => {
  it('R-PAY-01 WF_RECOVERY: tariff 10000 → INITIAL 6666 at start, FINAL 3334 on completion per plan', () => {
    const p = policy('WF_RECOVERY');
    const d1 = decision(p, 1, 10_000);
    const atStart = tranchesAtStart(p, d1);
    expect(atStart).toEqual([
      {
        kind: 'INITIAL',
        amountCents: 6666,
        decisionVersion: 1,
        basis: expect.stringContaining('2/3 of tariff 10000'),
      },
    ]);
    expect(atStart[0].basis).toContain('R-PAY-01');
    const final = finalTranche(p, d1, { closureReason: 'COMPLETED_PER_PLAN', paidSoFarCents: 6666 });
    expect(final).toEqual({
      due: true,
      tranche: {
        kind: 'FINAL',
        amountCents: 3334,
        decisionVersion: 1,
        basis: expect.stringContaining('R-PAY-01'),
      },
    });

    const schedule = paymentScheduleFor(p, [start(d1), closed('COMPLETED_PER_PLAN')]);
    expect(schedule.tranches).toEqual(final.due ? [...atStart, final.tranche] : []);
    expect(schedule.totalCents).toBe(10_000);
    expect(keysOf(schedule.tranches)).toEqual(['trj-0001:INITIAL:1', 'trj-0001:FINAL:1']);
  });

  it('R-PAY-02 FRIESLAND_70_30: tariff 123456 → 86419 at start + 37037 at closure', () => {
    const p = policy('FRIESLAND_70_30');
    const schedule = paymentScheduleFor(p, [start(decision(p, 1, 123_456)), closed('COMPLETED_PER_PLAN')]);
    expect(amountsOf(schedule.tranches)).toEqual([86_419, 37_037]);
    expect(schedule.totalCents).toBe(123_456);
  });

  it('R-PAY-03 WBW_50_50: tariff 99999 → 49999 at start + 50000 at closure', () => {
    const p = policy('WBW_50_50');
    const schedule = paymentScheduleFor(p, [start(decision(p, 1, 99_999)), closed('COMPLETED_PER_PLAN')]);
    expect(amountsOf(schedule.tranches)).toEqual([49_999, 50_000]);
    expect(schedule.totalCents).toBe(99_999);
  });

  it('R-TAR-02 MONTHLY: 250000 per month for 6 months → six PERIOD tranches, 1500000, no final tranche', () => {
    const p = policy('MONTHLY');
    const d1 = decision(p, 1, 250_000);
    expect(tranchesAtStart(p, d1)).toEqual([periodTranche(p, d1, 1)]);
    const schedule = paymentScheduleFor(p, [start(d1), ...periods(2, 6), closed('COMPLETED_PER_PLAN')]);
    expect(amountsOf(schedule.tranches)).toEqual(Array(6).fill(250_000));
    expect(schedule.totalCents).toBe(1_500_000);
    expect(schedule.finalNotDue?.reason).toBe('POLICY_HAS_NO_FINAL_TRANCHE');
    expect(keysOf(schedule.tranches)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `trj-0001:PERIOD:1:${i}`));
  });

  it('R-TAR-07 PERIOD_4W_BLOCKS: blocks 120000 + 60000 per 4 weeks for 13 periods → 2340000', () => {
    const p = policy('PERIOD_4W_BLOCKS');
    // R-TAR-07: the 4-week budget is the sum of the assigned building blocks; the tariff carries that sum.
    const d1 = decision(p, 1, 120_000 + 60_000);
    const schedule = paymentScheduleFor(p, [start(d1), ...periods(2, 13), closed('EARLY_DROPOUT')]);
    expect(schedule.tranches).toHaveLength(13);
    expect(schedule.tranches.every((t) => t.kind === 'PERIOD' && t.amountCents === 180_000)).toBe(true);
    expect(schedule.totalCents).toBe(2_340_000);
    expect(schedule.tranches[0].basis).toContain('P4W');
  });

  it('R-TAR-08 ANNUAL_HIGH_COMPLEX: year 1 at 100000 and a re-indicated year 2 at 120000 → 220000 in 24 instalments', () => {
    const p = policy('ANNUAL_HIGH_COMPLEX');
    const year1 = decision(p, 1, 100_000);
    const year2 = decision(p, 2, 120_000);
    const history = [
      start(year1),
      ...periods(2, 12),
      changed(year2),
      ...periods(13, 24),
      closed('COMPLETED_PER_PLAN'),
    ];
    const schedule = paymentScheduleFor(p, history);
    const amounts = amountsOf(schedule.tranches);
    expect(amounts.slice(0, 12)).toEqual([
      8333, 8333, 8334, 8333, 8333, 8334, 8333, 8333, 8334, 8333, 8333, 8334,
    ]);
    expect(amounts.slice(12)).toEqual(Array(12).fill(10_000));
    expect(schedule.totalCents).toBe(220_000);
    expect(keysOf(schedule.tranches).slice(11, 13)).toEqual(['trj-0001:ANNUAL:1:12', 'trj-0001:ANNUAL:2:13']);
  });

  it('R-TAR-11 TASK_BUDGET: no client-level tranche at start, per period or at closure', () => {
    const p = policy('TASK_BUDGET');
    const d1 = decision(p, 1, 500_000);
    expect(tranchesAtStart(p, d1)).toEqual([]);
    const schedule = paymentScheduleFor(p, [
      start(d1),
      changed(decision(p, 2, 900_000)),
      closed('COMPLETED_PER_PLAN'),
    ]);
    expect(schedule.tranches).toEqual([]);
    expect(expectedTotalCents(p, [start(d1), closed('COMPLETED_PER_PLAN')])).toBe(0);
    expect(schedule.finalNotDue?.reason).toBe('POLICY_HAS_NO_FINAL_TRANCHE');
  });
});

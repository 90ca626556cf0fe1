import type { PaymentRuleErrorCode } from './payment-rule-error';
import { paymentScheduleFor } from './payment-schedule';
import {
  changed,
  closed,
  corrected,
  decision,
  periodStarted,
  policy,
  start,
} from '../../testing/payment-fixtures';
import { priceCorrection } from './price-correction';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

describe('priceCorrection: retroactive price correction by agreement (R-END-05, R-TAR-05, domain.md §7.8)', () => {
  const wf = policy('WF_RECOVERY');
  const v1 = decision(wf, 1, 10_000, 'ARR');
  const v2 = decision(wf, 2, 9000, 'ARR');

  it('R-END-05 before the final: 10000 → 9000 after 6666 paid gives ADJUSTMENT −666; the final becomes 3000; 9000 in all', () => {
    const outcome = priceCorrection(wf, { history: [start(v1)], correctedDecision: v2 });
    expect(outcome).toEqual({
      due: true,
      tranche: {
        kind: 'ADJUSTMENT',
        amountCents: -666,
        decisionVersion: 2,
        adjustmentSeq: 1,
        adjustmentCause: 'PRICE_CORRECTION',
        basis: expect.stringContaining('R-END-05'),
      },
    });
    const schedule = paymentScheduleFor(wf, [start(v1), corrected(v2), closed('COMPLETED_PER_PLAN')]);
    expect(schedule.tranches.map((t) => t.amountCents)).toEqual([6666, -666, 3000]);
    expect(schedule.totalCents).toBe(9000);
  });

  it('R-TAR-05 after completion: 10000 paid in full, corrected to 9000 → ADJUSTMENT −1000', () => {
    const outcome = priceCorrection(wf, {
      history: [start(v1), closed('COMPLETED_PER_PLAN')],
      correctedDecision: v2,
    });
    expect(outcome.due && outcome.tranche.amountCents).toBe(-1000);
  });

  it('R-END-05 after early dropout: only the initial share is repriced, 6666 → 6000', () => {
    const outcome = priceCorrection(wf, {
      history: [start(v1), closed('EARLY_DROPOUT')],
      correctedDecision: v2,
    });
    expect(outcome.due && outcome.tranche.amountCents).toBe(-666);
  });

  it('R-END-05 a correction upwards by agreement is a positive declared adjustment', () => {
    const outcome = priceCorrection(wf, {
      history: [start(v1)],
      correctedDecision: decision(wf, 2, 12_000, 'ARR'),
    });
    expect(outcome.due && outcome.tranche.amountCents).toBe(1334);
  });

  it('§7.8 correcting a scaled-up decision 15000 → 12000 reprices the scale-up: −2000 now, final 4000, 12000 in all', () => {
    const history = [start(v1), changed(decision(wf, 2, 15_000, 'HEAVY'))];
    const outcome = priceCorrection(wf, { history, correctedDecision: decision(wf, 3, 12_000, 'HEAVY') });
    expect(outcome.due && outcome.tranche.amountCents).toBe(-2000);
    const schedule = paymentScheduleFor(wf, [
      ...history,
      corrected(decision(wf, 3, 12_000, 'HEAVY')),
      closed('COMPLETED_PER_PLAN'),
    ]);
    expect(schedule.tranches.map((t) => t.amountCents)).toEqual([6666, 3334, -2000, 4000]);
    expect(schedule.totalCents).toBe(12_000);
  });

  it('§7.8 correcting a scaled-down decision reclaims nothing: no tranche was computed from its price', () => {
    const history = [start(v1), changed(decision(wf, 2, 6000, 'LIGHT'))];
    expect(priceCorrection(wf, { history, correctedDecision: decision(wf, 3, 5000, 'LIGHT') })).toEqual(
      expect.objectContaining({ due: false, reason: 'NO_PRICE_DIFFERENCE' }),
    );
  });

  it('R-TAR-05 MONTHLY 250000 → 200000 after 3 months: ADJUSTMENT −150000, month 4 at 200000', () => {
    const monthly = policy('MONTHLY');
    const m1 = decision(monthly, 1, 250_000, 'DURABLE');
    const m2 = decision(monthly, 2, 200_000, 'DURABLE');
    const history = [start(m1), periodStarted(2), periodStarted(3)];
    const outcome = priceCorrection(monthly, { history, correctedDecision: m2 });
    expect(outcome.due && outcome.tranche.amountCents).toBe(-150_000);
    const schedule = paymentScheduleFor(monthly, [...history, corrected(m2), periodStarted(4)]);
    expect(schedule.tranches.map((t) => t.amountCents)).toEqual([
      250_000, 250_000, 250_000, -150_000, 200_000,
    ]);
    expect(schedule.totalCents).toBe(800_000);
  });

  it('R-TAR-08 ANNUAL_HIGH_COMPLEX 120000 → 96000 after 6 instalments: −12000 (6 × 2000)', () => {
    const annual = policy('ANNUAL_HIGH_COMPLEX');
    const history = [start(decision(annual, 1, 120_000, 'C'))];
    for (let p = 2; p <= 6; p += 1) history.push(periodStarted(p));
    const outcome = priceCorrection(annual, { history, correctedDecision: decision(annual, 2, 96_000, 'C') });
    expect(outcome.due && outcome.tranche.amountCents).toBe(-12_000);
  });

  it('R-END-05 the same price again is NO_PRICE_DIFFERENCE', () => {
    expect(
      priceCorrection(wf, { history: [start(v1)], correctedDecision: { ...v2, tariffCents: 10_000 } }),
    ).toEqual(expect.objectContaining({ due: false, reason: 'NO_PRICE_DIFFERENCE' }));
  });

  it('R-END-05 a correction to 0 takes back exactly what was paid and never more', () => {
    const outcome = priceCorrection(wf, {
      history: [start(v1), closed('COMPLETED_PER_PLAN')],
      correctedDecision: { ...v2, tariffCents: 0 },
    });
    expect(outcome.due && outcome.tranche.amountCents).toBe(-10_000);
  });

  it('rejects a correction that changes the arrangement, an older version, and a correction before the start', () => {
    expect(() =>
      priceCorrection(wf, { history: [start(v1)], correctedDecision: { ...v2, arrangementCode: 'OTHER' } }),
    ).toThrow(ruleError('CORRECTION_CHANGES_ARRANGEMENT'));
    expect(() => priceCorrection(wf, { history: [start(v2)], correctedDecision: v1 })).toThrow(
      ruleError('DECISION_VERSION_NOT_NEWER'),
    );
    expect(() => priceCorrection(wf, { history: [], correctedDecision: v2 })).toThrow(
      ruleError('INVALID_HISTORY'),
    );
  });
});

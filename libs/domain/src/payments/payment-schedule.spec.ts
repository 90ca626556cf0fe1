import type { PaymentHistory, PaymentHistoryEvent } from './payment-history';
import type { PaymentPolicy } from './payment-policy';
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

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

describe('paymentScheduleFor: replaying a payment history', () => {
  const wf = policy('WF_RECOVERY');
  const monthly = policy('MONTHLY');

  it('§7.4 a trajectory rejected or withdrawn before the start has no tranche and no cancelled final', () => {
    for (const reason of ['REJECTED', 'WITHDRAWN_BEFORE_START', 'DECISION_EXPIRED'] as const) {
      const schedule = paymentScheduleFor(wf, [closed(reason)]);
      expect(schedule).toEqual({
        tranches: [],
        totalCents: 0,
        currentDecision: undefined,
        finalNotDue: undefined,
        closed: true,
      });
    }
  });

  it('§7.8 the closure records why the final was not paid (the ledger writes a CANCELLED row)', () => {
    const schedule = paymentScheduleFor(wf, [start(decision(wf, 1, 9000)), closed('EARLY_DROPOUT')]);
    expect(schedule.finalNotDue).toEqual(
      expect.objectContaining({ kind: 'FINAL', decisionVersion: 1, reason: 'EARLY_DROPOUT' }),
    );
  });

  it('R-END-05 a price correction may follow the closure', () => {
    const history = [
      start(decision(wf, 1, 9000, 'A')),
      closed('COMPLETED_PER_PLAN'),
      corrected(decision(wf, 2, 6000, 'A')),
    ];
    expect(paymentScheduleFor(wf, history).totalCents).toBe(6000);
  });

  it.each<[string, PaymentPolicy, PaymentHistory, PaymentRuleErrorCode]>([
    ['a period before the start', monthly, [periodStarted(2)], 'INVALID_HISTORY'],
    ['a skipped period', monthly, [start(decision(monthly, 1, 100)), periodStarted(3)], 'INVALID_HISTORY'],
    [
      'a repeated period',
      monthly,
      [start(decision(monthly, 1, 100)), periodStarted(2), periodStarted(2)],
      'INVALID_HISTORY',
    ],
    [
      'a period on a trajectory price',
      wf,
      [start(decision(wf, 1, 100)), periodStarted(2)],
      'NOT_A_PERIODIC_POLICY',
    ],
    ['a second start', wf, [start(decision(wf, 1, 100)), start(decision(wf, 2, 100))], 'INVALID_HISTORY'],
    [
      'a change after closure',
      wf,
      [start(decision(wf, 1, 100)), closed('OTHER'), changed(decision(wf, 2, 200))],
      'INVALID_HISTORY',
    ],
    [
      'a second closure',
      wf,
      [start(decision(wf, 1, 100)), closed('OTHER'), closed('OTHER')],
      'INVALID_HISTORY',
    ],
    ['REJECTED after the start', wf, [start(decision(wf, 1, 100)), closed('REJECTED')], 'INVALID_HISTORY'],
    [
      'an older decision version',
      wf,
      [start(decision(wf, 2, 100)), changed(decision(wf, 1, 200))],
      'DECISION_VERSION_NOT_NEWER',
    ],
    ['a decision on another basis', wf, [start(decision(monthly, 1, 100))], 'PRICING_BASIS_MISMATCH'],
    ['an unknown event', wf, [{ type: 'PAID' } as unknown as PaymentHistoryEvent], 'INVALID_HISTORY'],
  ])('rejects %s', (_label, forPolicy, history, code) => {
    expect(() => paymentScheduleFor(forPolicy, history)).toThrow(ruleError(code));
  });
});

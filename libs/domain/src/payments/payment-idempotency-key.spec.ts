import { paymentIdempotencyKey } from './payment-idempotency-key';
import type { PaymentRuleErrorCode } from './payment-rule-error';
import type { PlannedTranche } from './planned-tranche';
import type { TrancheKind } from './tranche-kind';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

describe('paymentIdempotencyKey (domain.md §7.2 Payment, §7.7)', () => {
  it('§7.2 INITIAL and FINAL: {trajectoryId}:{tranche}:{decisionVersion}', () => {
    expect(paymentIdempotencyKey({ trajectoryId: 't1', kind: 'INITIAL', decisionVersion: 1 })).toBe(
      't1:INITIAL:1',
    );
    expect(paymentIdempotencyKey({ trajectoryId: 't1', kind: 'FINAL', decisionVersion: 3 })).toBe(
      't1:FINAL:3',
    );
  });

  it('§7.2 PERIOD and ANNUAL add the period: {trajectoryId}:{tranche}:{decisionVersion}:{period}', () => {
    expect(paymentIdempotencyKey({ trajectoryId: 't1', kind: 'PERIOD', decisionVersion: 2, period: 7 })).toBe(
      't1:PERIOD:2:7',
    );
    expect(
      paymentIdempotencyKey({ trajectoryId: 't1', kind: 'ANNUAL', decisionVersion: 1, period: 12 }),
    ).toBe('t1:ANNUAL:1:12');
  });

  it('§7.7 two adjustments on one decision version never share a key: the sequence is part of it', () => {
    const first = paymentIdempotencyKey({
      trajectoryId: 't1',
      kind: 'ADJUSTMENT',
      decisionVersion: 2,
      adjustmentSeq: 1,
    });
    const second = paymentIdempotencyKey({
      trajectoryId: 't1',
      kind: 'ADJUSTMENT',
      decisionVersion: 2,
      adjustmentSeq: 2,
    });
    expect([first, second]).toEqual(['t1:ADJUSTMENT:2:1', 't1:ADJUSTMENT:2:2']);
  });

  it('§7.7 a planned tranche spreads straight into its key', () => {
    const tranche: PlannedTranche = {
      kind: 'PERIOD',
      amountCents: 100,
      basis: 'x',
      decisionVersion: 1,
      period: 2,
    };
    expect(paymentIdempotencyKey({ trajectoryId: 't1', ...tranche })).toBe('t1:PERIOD:1:2');
  });

  it.each<[string, Parameters<typeof paymentIdempotencyKey>[0]]>([
    ['an empty trajectory id', { trajectoryId: '', kind: 'INITIAL', decisionVersion: 1 }],
    ['a trajectory id with a colon', { trajectoryId: 'a:b', kind: 'INITIAL', decisionVersion: 1 }],
    ['an unknown kind', { trajectoryId: 't1', kind: 'BONUS' as TrancheKind, decisionVersion: 1 }],
    ['decision version 0', { trajectoryId: 't1', kind: 'INITIAL', decisionVersion: 0 }],
    ['a PERIOD without period', { trajectoryId: 't1', kind: 'PERIOD', decisionVersion: 1 }],
    ['an ADJUSTMENT without sequence', { trajectoryId: 't1', kind: 'ADJUSTMENT', decisionVersion: 1 }],
    ['an INITIAL with a period', { trajectoryId: 't1', kind: 'INITIAL', decisionVersion: 1, period: 1 }],
    ['a FINAL with a sequence', { trajectoryId: 't1', kind: 'FINAL', decisionVersion: 1, adjustmentSeq: 1 }],
    [
      'an ADJUSTMENT with a period',
      { trajectoryId: 't1', kind: 'ADJUSTMENT', decisionVersion: 1, adjustmentSeq: 1, period: 1 },
    ],
  ])('rejects %s with INVALID_KEY_PART', (_label, parts) => {
    expect(() => paymentIdempotencyKey(parts)).toThrow(ruleError('INVALID_KEY_PART'));
  });
});

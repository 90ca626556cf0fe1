import fc from 'fast-check';
import type { PaymentRuleErrorCode } from './payment-rule-error';
import { splitTrajectoryPrice } from './trajectory-split';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

describe('splitTrajectoryPrice (domain.md §7.7 "Computation")', () => {
  it('R-PAY-01 WF_RECOVERY: tariff 10000 → 6666 + 3334', () => {
    expect(splitTrajectoryPrice(10_000, 2, 3)).toEqual({ initial: 6666, final: 3334 });
  });

  it('R-PAY-02 FRIESLAND_70_30: tariff 10001 → 7000 + 3001 (floor on the initial, rest on the final)', () => {
    expect(splitTrajectoryPrice(10_001, 7, 10)).toEqual({ initial: 7000, final: 3001 });
  });

  it('R-PAY-03 WBW_50_50: tariff 99999 → 49999 + 50000', () => {
    expect(splitTrajectoryPrice(99_999, 1, 2)).toEqual({ initial: 49_999, final: 50_000 });
  });

  it('§7.7 a tariff of 0 splits into 0 + 0', () => {
    expect(splitTrajectoryPrice(0, 2, 3)).toEqual({ initial: 0, final: 0 });
  });

  it('§7.7 no cent lost at Number.MAX_SAFE_INTEGER: tariff × 2 passes 2^53 and is still exact', () => {
    const tariff = Number.MAX_SAFE_INTEGER;
    const expectedInitial = Number((BigInt(tariff) * 2n) / 3n);
    const { initial, final } = splitTrajectoryPrice(tariff, 2, 3);
    expect(initial).toBe(expectedInitial);
    expect(BigInt(initial) + BigInt(final)).toBe(BigInt(tariff));
  });

  it.each([
    ['a negative tariff', -1],
    ['fractional cents', 100.5],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 53],
  ])('rejects %s with INVALID_CENTS', (_label, tariff) => {
    expect(() => splitTrajectoryPrice(tariff, 2, 3)).toThrow(ruleError('INVALID_CENTS'));
  });

  it.each([
    [0, 3],
    [3, 3],
    [4, 3],
    [1, 0],
    [1.5, 3],
    [-1, 3],
  ])('rejects the split %s/%s with INVALID_SPLIT', (numerator, denominator) => {
    expect(() => splitTrajectoryPrice(10_000, numerator, denominator)).toThrow(ruleError('INVALID_SPLIT'));
  });

  it('§7.7 splitTrajectoryPrice loses and creates no cent, up to Number.MAX_SAFE_INTEGER and any split', () => {
    const split = fc
      .integer({ min: 2, max: 1_000_000 })
      .chain((den) => fc.tuple(fc.integer({ min: 1, max: den - 1 }), fc.constant(den)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), split, (tariff, [num, den]) => {
        const { initial, final } = splitTrajectoryPrice(tariff, num, den);
        expect(BigInt(initial)).toBe((BigInt(tariff) * BigInt(num)) / BigInt(den));
        expect(BigInt(initial) + BigInt(final)).toBe(BigInt(tariff));
        expect(final).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

import fc from 'fast-check';
import { annualInstalmentCents, instalmentOfYear } from './annual-instalment';
import type { PaymentRuleErrorCode } from './payment-rule-error';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

describe('annual instalments (domain.md §7.7 ANNUAL_HIGH_COMPLEX, R-TAR-08)', () => {
  it('R-TAR-08 annual price 100000 → 12 monthly instalments of 8333/8334 that sum to 100000', () => {
    const instalments = Array.from({ length: 12 }, (_, i) => annualInstalmentCents(100_000, i + 1, 12));
    expect(instalments).toEqual([8333, 8333, 8334, 8333, 8333, 8334, 8333, 8333, 8334, 8333, 8333, 8334]);
    expect(instalments.reduce((a, b) => a + b, 0)).toBe(100_000);
  });

  it('R-TIME-02 periods 13 and 25 open the second and third indication year', () => {
    expect([1, 12, 13, 24, 25].map((p) => instalmentOfYear(p, 12))).toEqual([1, 12, 1, 12, 1]);
  });

  it('rejects an instalment past the year and a period 0 with INVALID_PERIOD', () => {
    expect(() => annualInstalmentCents(100_000, 13, 12)).toThrow(ruleError('INVALID_PERIOD'));
    expect(() => instalmentOfYear(0, 12)).toThrow(ruleError('INVALID_PERIOD'));
  });

  it('R-TAR-08 the 12 instalments of any annual price sum to it exactly, each within one cent of price/12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (annual) => {
        const instalments = Array.from({ length: 12 }, (_, i) => annualInstalmentCents(annual, i + 1, 12));
        expect(instalments.reduce((a, b) => a + b, 0)).toBe(annual);
        for (const cents of instalments) {
          expect(cents === Math.floor(annual / 12) || cents === Math.ceil(annual / 12)).toBe(true);
        }
      }),
    );
  });
});

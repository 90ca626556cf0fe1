import { parseDurationMs } from './index';

describe('parseDurationMs (Temporal / ms duration strings)', () => {
  it.each([
    ['2 seconds', 2_000],
    ['2s', 2_000],
    ['250ms', 250],
    ['500', 500],
    ['10 mins', 600_000],
    ['1.5h', 5_400_000],
    ['14 days', 1_209_600_000],
    ['3 weeks', 1_814_400_000],
    ['1 y', 31_557_600_000],
    ['2 Hours', 7_200_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['', 'soon', '1 month', '2 fortnights', '1d2h'])('rejects %j', (text) => {
    expect(() => parseDurationMs(text)).toThrow(RangeError);
  });
});

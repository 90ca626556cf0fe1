import { addCalendarDays, addCalendarMonths, UTC_ZONE } from './index';

const at = (iso: string): Date => new Date(iso);
const months = (iso: string, n: number): string => addCalendarMonths(at(iso), n, UTC_ZONE).toISOString();

describe('addCalendarMonths', () => {
  it('clamps 31 January + 1 month to 28 February in a common year', () => {
    expect(months('2026-01-31T10:00:00Z', 1)).toBe('2026-02-28T10:00:00.000Z');
  });

  it('clamps 31 January + 1 month to 29 February in a leap year', () => {
    expect(months('2028-01-31T10:00:00Z', 1)).toBe('2028-02-29T10:00:00.000Z');
    expect(months('2000-01-31T10:00:00Z', 1)).toBe('2000-02-29T10:00:00.000Z');
    expect(months('2100-01-31T10:00:00Z', 1)).toBe('2100-02-28T10:00:00.000Z');
  });

  it('takes 29 February + 12 months to 28 February, and + 48 months back to 29 February', () => {
    expect(months('2028-02-29T10:00:00Z', 12)).toBe('2029-02-28T10:00:00.000Z');
    expect(months('2028-02-29T10:00:00Z', 48)).toBe('2032-02-29T10:00:00.000Z');
  });

  it('clamps to shorter months other than February', () => {
    expect(months('2026-03-31T10:00:00Z', 1)).toBe('2026-04-30T10:00:00.000Z');
    expect(months('2026-08-31T10:00:00Z', 3)).toBe('2026-11-30T10:00:00.000Z');
  });

  it('crosses the year end', () => {
    expect(months('2026-10-31T10:00:00Z', 3)).toBe('2027-01-31T10:00:00.000Z');
    expect(months('2026-11-30T10:00:00Z', 3)).toBe('2027-02-28T10:00:00.000Z');
  });

  it('goes back for negative months, clamping as well', () => {
    expect(months('2026-03-31T10:00:00Z', -1)).toBe('2026-02-28T10:00:00.000Z');
    expect(months('2026-01-15T10:00:00Z', -13)).toBe('2024-12-15T10:00:00.000Z');
  });

  it('keeps the Amsterdam wall-clock time across the switch to summer time', () => {
    // 15 Jan 10:00 CET (09:00Z) + 6 months = 15 Jul 10:00 CEST (08:00Z).
    expect(addCalendarMonths(at('2026-01-15T09:00:00Z'), 6).toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('works on the Amsterdam date: 30 March 22:30 UTC is already 31 March in Amsterdam', () => {
    // Amsterdam: 31 Mar 00:30 CEST + 1 month = 30 Apr 00:30 CEST (clamped) = 29 Apr 22:30Z.
    expect(addCalendarMonths(at('2026-03-30T22:30:00Z'), 1).toISOString()).toBe('2026-04-29T22:30:00.000Z');
    // UTC: 30 Mar 22:30 + 1 month = 30 Apr 22:30.
    expect(months('2026-03-30T22:30:00Z', 1)).toBe('2026-04-30T22:30:00.000Z');
  });

  it('rejects a fractional number of months', () => {
    expect(() => addCalendarMonths(at('2026-01-31T10:00:00Z'), 0.5)).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('keeps the wall-clock time, so the spring-forward day lasts 23 hours', () => {
    // Saturday 28 March 10:00 CET + 1 day = Sunday 29 March 10:00 CEST.
    expect(addCalendarDays(at('2026-03-28T09:00:00Z'), 1).toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });

  it('adds plain days in the UTC zone, across a month end', () => {
    expect(addCalendarDays(at('2026-01-30T10:00:00Z'), 28, UTC_ZONE).toISOString()).toBe(
      '2026-02-27T10:00:00.000Z',
    );
  });
});

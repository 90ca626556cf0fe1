import { addWorkingDays, dutchPublicHolidays, isWorkingDay, UTC_ZONE, workingDaysBetween } from './index';

const at = (iso: string): Date => new Date(iso);
/** The national holidays of 2025-2027 as a plain list (the calendar's rule, written out). */
const NL = [2025, 2026, 2027].flatMap(dutchPublicHolidays);
const NONE: readonly string[] = [];

describe('isWorkingDay', () => {
  it('is true Monday to Friday and false on Saturday and Sunday', () => {
    // 2026-03-02 is a Monday; times are 10:00 Amsterdam (CET).
    const days = ['02', '03', '04', '05', '06', '07', '08'].map((d) =>
      isWorkingDay(at(`2026-03-${d}T09:00:00Z`), NONE),
    );
    expect(days).toEqual([true, true, true, true, true, false, false]);
  });

  it('is false on a public holiday that falls on a weekday', () => {
    expect(isWorkingDay(at('2026-04-27T09:00:00Z'), NL)).toBe(false); // Koningsdag, Monday
    expect(isWorkingDay(at('2026-04-27T09:00:00Z'), NONE)).toBe(true);
  });

  it('judges the Amsterdam date, not the UTC date', () => {
    // Friday 23:30 UTC is Saturday 00:30 in Amsterdam.
    expect(isWorkingDay(at('2026-03-06T23:30:00Z'), NONE)).toBe(false);
    expect(isWorkingDay(at('2026-03-06T23:30:00Z'), NONE, UTC_ZONE)).toBe(true);
  });

  it('rejects a malformed holiday instead of ignoring it', () => {
    expect(() => isWorkingDay(at('2026-03-02T09:00:00Z'), ['2026-02-30'])).toThrow(RangeError);
    expect(() => isWorkingDay(at('2026-03-02T09:00:00Z'), ['2026-3-2'])).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('skips the weekend: Friday + 1 = Monday, same wall-clock time', () => {
    expect(addWorkingDays(at('2026-03-06T13:00:00Z'), 1, NONE).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('counts a weekend start from the weekend: Saturday + 1 and Sunday + 1 = Monday', () => {
    expect(addWorkingDays(at('2026-03-07T13:00:00Z'), 1, NONE).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
    expect(addWorkingDays(at('2026-03-08T13:00:00Z'), 1, NONE).toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('adds 10 working days to a Friday: the Friday two weeks later', () => {
    expect(addWorkingDays(at('2026-03-06T13:00:00Z'), 10, NL).toISOString()).toBe('2026-03-20T13:00:00.000Z');
  });

  it('skips a holiday on a Monday (Koningsdag 2026)', () => {
    expect(addWorkingDays(at('2026-04-24T09:00:00Z'), 1, NL).toISOString()).toBe('2026-04-28T09:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday together', () => {
    expect(addWorkingDays(at('2026-04-02T08:00:00Z'), 1, NL).toISOString()).toBe('2026-04-07T08:00:00.000Z');
  });

  it('crosses the year end over Christmas and New Year', () => {
    // Friday 18 Dec 2026 10:00 CET; 25 Dec and 1 Jan are holidays on Fridays.
    expect(addWorkingDays(at('2026-12-18T09:00:00Z'), 10, NL).toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });

  it('keeps the Amsterdam wall-clock time across the switch to summer time', () => {
    // Friday 20 March 2026 10:00 CET (09:00Z) + 10 working days, Easter in between: Tuesday 7 April 10:00 CEST.
    expect(addWorkingDays(at('2026-03-20T09:00:00Z'), 10, NL).toISOString()).toBe('2026-04-07T08:00:00.000Z');
  });

  it('keeps the UTC time of day in the UTC zone', () => {
    expect(addWorkingDays(at('2026-03-20T09:00:00Z'), 10, NL, UTC_ZONE).toISOString()).toBe(
      '2026-04-07T09:00:00.000Z',
    );
  });

  it('returns an equal but new Date for n = 0', () => {
    const from = at('2026-03-07T13:00:00Z');
    const result = addWorkingDays(from, 0, NONE);
    expect(result).toEqual(from);
    expect(result).not.toBe(from);
  });

  it('counts backwards for negative n, skipping the Monday holiday', () => {
    expect(addWorkingDays(at('2026-04-28T09:00:00Z'), -1, NL).toISOString()).toBe('2026-04-24T09:00:00.000Z');
  });

  it('rejects a fractional n and an invalid date', () => {
    expect(() => addWorkingDays(at('2026-03-06T13:00:00Z'), 1.5, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1, NONE)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(at('2026-03-02T09:00:00Z'), at('2026-03-04T09:00:00Z'), NONE)).toBe(2);
    expect(workingDaysBetween(at('2026-03-06T09:00:00Z'), at('2026-03-09T09:00:00Z'), NONE)).toBe(1);
    expect(workingDaysBetween(at('2026-03-06T09:00:00Z'), at('2026-03-06T15:00:00Z'), NONE)).toBe(0);
  });

  it('ignores the time of day', () => {
    expect(workingDaysBetween(at('2026-03-02T16:00:00Z'), at('2026-03-03T08:00:00Z'), NONE)).toBe(1);
  });

  it('is negative when the second date is earlier', () => {
    expect(workingDaysBetween(at('2026-03-09T09:00:00Z'), at('2026-03-06T09:00:00Z'), NONE)).toBe(-1);
  });

  it('crosses the year end and does not subtract a holiday on a Saturday twice', () => {
    expect(workingDaysBetween(at('2026-12-18T09:00:00Z'), at('2027-01-05T09:00:00Z'), NL)).toBe(10);
    expect(workingDaysBetween(at('2026-12-24T09:00:00Z'), at('2026-12-28T09:00:00Z'), NL)).toBe(1);
  });

  it('counts 253 working days in 2026 with the Dutch holidays, once each even when listed twice', () => {
    const from = at('2025-12-31T11:00:00Z');
    const to = at('2026-12-31T11:00:00Z');
    expect(workingDaysBetween(from, to, NONE)).toBe(261);
    expect(workingDaysBetween(from, to, NL)).toBe(253);
    expect(workingDaysBetween(from, to, [...NL, ...NL])).toBe(253);
  });
});

import { addCalendarDays, EUROPE_AMSTERDAM, localIsoDate, UTC_ZONE, utcOffsetMinutesAt } from './index';

const at = (iso: string): Date => new Date(iso);

describe('time zone rule (Europe/Amsterdam without a tz database)', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(utcOffsetMinutesAt(at('2026-01-15T12:00:00Z').getTime(), EUROPE_AMSTERDAM)).toBe(60);
    expect(utcOffsetMinutesAt(at('2026-07-15T12:00:00Z').getTime(), EUROPE_AMSTERDAM)).toBe(120);
  });

  it('switches to summer time on the last Sunday of March at 01:00 UTC', () => {
    expect(utcOffsetMinutesAt(at('2026-03-29T00:59:59Z').getTime(), EUROPE_AMSTERDAM)).toBe(60);
    expect(utcOffsetMinutesAt(at('2026-03-29T01:00:00Z').getTime(), EUROPE_AMSTERDAM)).toBe(120);
    expect(utcOffsetMinutesAt(at('2027-03-28T01:00:00Z').getTime(), EUROPE_AMSTERDAM)).toBe(120);
  });

  it('switches back on the last Sunday of October at 01:00 UTC', () => {
    expect(utcOffsetMinutesAt(at('2026-10-25T00:59:59Z').getTime(), EUROPE_AMSTERDAM)).toBe(120);
    expect(utcOffsetMinutesAt(at('2026-10-25T01:00:00Z').getTime(), EUROPE_AMSTERDAM)).toBe(60);
  });

  it('never applies summer time to the UTC zone', () => {
    expect(utcOffsetMinutesAt(at('2026-07-15T12:00:00Z').getTime(), UTC_ZONE)).toBe(0);
  });

  it('gives the Amsterdam calendar date, which differs from the UTC date just before midnight', () => {
    expect(localIsoDate(at('2026-03-06T23:30:00Z'))).toBe('2026-03-07');
    expect(localIsoDate(at('2026-03-06T23:30:00Z'), UTC_ZONE)).toBe('2026-03-06');
    expect(localIsoDate(at('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(localIsoDate(at('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('moves a wall-clock time that does not exist (spring forward) one hour later', () => {
    // Saturday 02:30 CET + 1 day = Sunday 02:30, which is skipped; it becomes 03:30 CEST.
    expect(addCalendarDays(at('2026-03-28T01:30:00Z'), 1).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('resolves a wall-clock time that occurs twice (fall back) to the earlier instant', () => {
    // Saturday 02:30 CEST + 1 day = Sunday 02:30, which occurs in CEST and again in CET.
    expect(addCalendarDays(at('2026-10-24T00:30:00Z'), 1).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

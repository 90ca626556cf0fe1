import { dutchPublicHolidays, UTC_ZONE } from '../calendar';
import { policyDurationKind, policyDurationProblem, resolveDeadline } from './index';
import type { PolicyDuration } from './index';

const at = (iso: string): Date => new Date(iso);
/** The national holidays of 2025-2027 as a plain list (the calendar's rule, written out). */
const NL = [2025, 2026, 2027].flatMap(dutchPublicHolidays);
// Friday 18 December 2026, 10:00 Amsterdam (CET).
const FRIDAY = at('2026-12-18T09:00:00Z');

describe('resolveDeadline', () => {
  it('counts working days on the holiday calendar', () => {
    expect(resolveDeadline(FRIDAY, { workingDays: 10 }, NL).toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });

  it('counts calendar days, ignoring weekends and holidays', () => {
    expect(resolveDeadline(FRIDAY, { calendarDays: 14 }, NL).toISOString()).toBe('2027-01-01T09:00:00.000Z');
  });

  it('counts calendar months with month-end clamping', () => {
    expect(resolveDeadline(at('2026-11-30T09:00:00Z'), { months: 3 }, NL).toISOString()).toBe(
      '2027-02-28T09:00:00.000Z',
    );
  });

  it('adds an exact elapsed duration for benchmarks and tests', () => {
    expect(resolveDeadline(FRIDAY, { duration: '2 seconds' }, NL).toISOString()).toBe(
      '2026-12-18T09:00:02.000Z',
    );
    // Elapsed time: 14 days across the spring switch is 14 × 24 h, not the same wall-clock time.
    expect(resolveDeadline(at('2026-03-20T09:00:00Z'), { duration: '14 days' }, NL).toISOString()).toBe(
      '2026-04-03T09:00:00.000Z',
    );
  });

  it('uses the zone it is given', () => {
    // Thursday 23:30 UTC is already Friday 00:30 in Amsterdam: + 1 working day is Monday there, Friday in UTC.
    const thursdayLate = at('2026-03-05T23:30:00Z');
    expect(resolveDeadline(thursdayLate, { workingDays: 1 }, []).toISOString()).toBe(
      '2026-03-08T23:30:00.000Z',
    );
    expect(resolveDeadline(thursdayLate, { workingDays: 1 }, [], UTC_ZONE).toISOString()).toBe(
      '2026-03-06T23:30:00.000Z',
    );
  });

  it('rejects a value that is not a PolicyDuration', () => {
    expect(() => resolveDeadline(FRIDAY, { weeks: 2 } as unknown as PolicyDuration, NL)).toThrow(RangeError);
    expect(() => resolveDeadline(FRIDAY, { duration: 'soon' }, NL)).toThrow(RangeError);
  });
});

describe('policyDurationProblem', () => {
  it.each<[unknown]>([
    [{ workingDays: 10 }],
    [{ calendarDays: 28 }],
    [{ months: 3 }],
    [{ duration: '2 seconds' }],
  ])('accepts %j', (spec) => {
    expect(policyDurationProblem(spec)).toBeUndefined();
    expect(policyDurationKind(spec)).toBe(Object.keys(spec as object)[0]);
  });

  it.each<[unknown, string]>([
    [{ workingDays: 0 }, 'positive whole number'],
    [{ months: -1 }, 'positive whole number'],
    [{ calendarDays: 1.5 }, 'positive whole number'],
    [{ workingDays: '10' }, 'positive whole number'],
    [{ duration: '0 seconds' }, 'must be positive'],
    [{ duration: 'soon' }, 'not a Temporal duration'],
    [{ duration: 5 }, 'must be a string'],
    [{ months: 1000 }, 'sanity cap'],
    [{ workingDays: 10, months: 1 }, 'exactly one of'],
    [{}, 'exactly one of'],
    [null, 'exactly one of'],
    [[10], 'exactly one of'],
  ])('rejects %j (%s)', (spec, message) => {
    expect(policyDurationProblem(spec)).toContain(message);
  });
});

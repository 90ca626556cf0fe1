import { addWorkingDays, dutchPublicHolidays, easterSunday, isWorkingDay, workingDaysBetween } from './index';
import { formatIsoDate } from './iso-date';
import type { HolidayCalendar } from './holiday-calendar';

/**
 * The list policy version 2026.1 carried (and running trajectories still carry in their snapshot). The rule
 * must give exactly these days, so that deadlines of those trajectories do not move.
 */
const LISTED_2025_2027 = [
  ...['2025-01-01', '2025-04-18', '2025-04-20', '2025-04-21', '2025-04-26', '2025-05-05'],
  ...['2025-05-29', '2025-06-08', '2025-06-09', '2025-12-25', '2025-12-26'],
  ...['2026-01-01', '2026-04-03', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-05'],
  ...['2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26'],
  ...['2027-01-01', '2027-03-26', '2027-03-28', '2027-03-29', '2027-04-27', '2027-05-05'],
  ...['2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26'],
];

const NL: HolidayCalendar = { national: 'NL', extra: [] };
const at = (iso: string) => new Date(iso);

describe('Dutch public holidays by rule', () => {
  it('gives exactly the days of the 2025-2027 list that earlier policies carried', () => {
    expect([2025, 2026, 2027].flatMap(dutchPublicHolidays)).toEqual(LISTED_2025_2027);
  });

  it.each([
    [2024, '2024-03-31'],
    [2031, '2031-04-13'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
  ])('Easter Sunday %i is %s', (year, iso) => {
    expect(formatIsoDate(easterSunday(year))).toBe(iso);
  });

  it('the holiday calendar of 2031 has Easter Monday and King’s Day right', () => {
    const days = dutchPublicHolidays(2031);
    expect(days).toContain('2031-04-14'); // Tweede Paasdag
    // 27 April 2031 is a Sunday, so Koningsdag is Saturday 26 April.
    expect(days).toContain('2031-04-26');
    expect(days).not.toContain('2031-04-27');
    expect(days).toContain('2031-05-22'); // Hemelvaartsdag
    expect(isWorkingDay(at('2031-04-14T09:00:00Z'), NL)).toBe(false);
    // Friday 11 April 2031 + 1 working day skips the weekend and Easter Monday.
    expect(addWorkingDays(at('2031-04-11T08:00:00Z'), 1, NL).toISOString()).toBe('2031-04-15T08:00:00.000Z');
  });

  it('counts any year: 2030 has 254 working days on the national calendar', () => {
    // 261 weekdays; 7 holidays fall on one (Koningsdag is a Saturday, Bevrijdingsdag a Sunday in 2030).
    expect(workingDaysBetween(at('2029-12-31T11:00:00Z'), at('2030-12-31T11:00:00Z'), NL)).toBe(254);
  });

  it('adds the region’s own days to the national ones', () => {
    const region: HolidayCalendar = { national: 'NL', extra: ['2031-04-15'] };
    expect(addWorkingDays(at('2031-04-11T08:00:00Z'), 1, region).toISOString()).toBe(
      '2031-04-16T08:00:00.000Z',
    );
  });

  it('refuses a year outside the rule’s range instead of counting it as holiday-free', () => {
    expect(() => dutchPublicHolidays(2013)).toThrow(RangeError);
    expect(() => dutchPublicHolidays(2200)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2199-12-30T09:00:00Z'), 5, NL)).toThrow(RangeError);
  });
});

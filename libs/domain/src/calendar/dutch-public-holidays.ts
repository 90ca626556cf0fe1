import { dayNumberOf, weekdayOf } from './time-zone';
import { formatIsoDate } from './iso-date';

/**
 * The Dutch national public holidays of any year from 2014 (the first Koningsdag) to 2199, by rule: fixed
 * dates, and the moving feasts counted from Easter Sunday (Gregorian computus).
 *
 * Not from the domain documents (outside knowledge, verify before production). A region adds its own days
 * off in its TrajectoryPolicy (`holidays`); a year outside the supported range is an error, never a year
 * without holidays.
 *
 * Notes:
 * - Goede Vrijdag (Good Friday) is a day off in many collective agreements but is not in the Algemene
 *   termijnenwet; included here because most municipal offices close.
 * - Pasen and Pinksteren day 1 are Sundays anyway; listed for completeness.
 * - Koningsdag moves to Saturday 26 April when 27 April is a Sunday (2025).
 * - Bevrijdingsdag (5 May) is listed every year, as the Algemene termijnenwet does for legal deadlines.
 *   Many employers, civil servants included, give it as a paid day off only once every five years
 *   (lustrum years: 2025, 2030); a region that follows that practice removes it in other years.
 */
export const DUTCH_HOLIDAY_YEARS = Object.freeze({ first: 2014, last: 2199 });

/**
 * Easter Sunday of a Gregorian year as a day number (the anonymous Gregorian algorithm of Meeus, Jones and
 * Butcher; exact for every Gregorian year).
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month - 1, dayOfMonth);
}

/** The national public holidays of `year` as day numbers; RangeError outside DUTCH_HOLIDAY_YEARS. */
export function dutchPublicHolidayDays(year: number): number[] {
  if (!Number.isSafeInteger(year) || year < DUTCH_HOLIDAY_YEARS.first || year > DUTCH_HOLIDAY_YEARS.last) {
    throw new RangeError(
      `no Dutch holiday calendar for ${year} (supported: ${DUTCH_HOLIDAY_YEARS.first}-${DUTCH_HOLIDAY_YEARS.last})`,
    );
  }
  const easter = easterSunday(year);
  const kingsDay = dayNumberOf(year, 3, 27);
  return [
    dayNumberOf(year, 0, 1), // Nieuwjaarsdag
    easter - 2, // Goede Vrijdag
    easter, // Eerste Paasdag
    easter + 1, // Tweede Paasdag
    // Koningsdag moves to Saturday 26 April when 27 April is a Sunday.
    weekdayOf(kingsDay) === 0 ? kingsDay - 1 : kingsDay,
    dayNumberOf(year, 4, 5), // Bevrijdingsdag
    easter + 39, // Hemelvaartsdag
    easter + 49, // Eerste Pinksterdag
    easter + 50, // Tweede Pinksterdag
    dayNumberOf(year, 11, 25), // Eerste Kerstdag
    dayNumberOf(year, 11, 26), // Tweede Kerstdag
  ];
}

/** The national public holidays of `year` as ISO dates 'YYYY-MM-DD', in calendar order. */
export function dutchPublicHolidays(year: number): string[] {
  return dutchPublicHolidayDays(year)
    .sort((x, y) => x - y)
    .map(formatIsoDate);
}

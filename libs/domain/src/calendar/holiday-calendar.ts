import { dutchPublicHolidayDays } from './dutch-public-holidays';
import { parseIsoDate } from './iso-date';
import { civilDateOf } from './time-zone';

/** Which national holidays a region keeps: the Dutch ones by rule, or none (only its own list). */
export type NationalHolidays = 'NL' | 'NONE';

/** A region's days off: the national holidays by rule plus its own extra days (ISO dates, local calendar). */
export interface HolidayCalendar {
  readonly national: NationalHolidays;
  readonly extra: readonly string[];
}

/** What the working-day functions accept: a holiday calendar, or a plain list of ISO dates. */
export type Holidays = HolidayCalendar | readonly string[];

/** Day number → is it a holiday; builds the national days per year once. */
export type HolidayCheck = (day: number) => boolean;

function extraDays(list: readonly string[]): ReadonlySet<number> {
  const days = new Set<number>();
  for (const text of list) {
    const day = parseIsoDate(text);
    // A malformed holiday must fail loudly: ignoring it would silently shorten every deadline around it.
    if (day === undefined) throw new RangeError(`holiday '${String(text)}' is not an ISO date YYYY-MM-DD`);
    days.add(day);
  }
  return days;
}

/**
 * The holiday test for a calendar. With national holidays, a day in a year the rules do not cover is an
 * error (RangeError), never silently a working day.
 */
export function holidayCheck(holidays: Holidays): HolidayCheck {
  const calendar: HolidayCalendar = Array.isArray(holidays)
    ? { national: 'NONE', extra: holidays as readonly string[] }
    : (holidays as HolidayCalendar);
  const extra = extraDays(calendar.extra);
  if (calendar.national === 'NONE') return (day) => extra.has(day);
  const byYear = new Map<number, ReadonlySet<number>>();
  return (day) => {
    if (extra.has(day)) return true;
    const year = civilDateOf(day).year;
    let national = byYear.get(year);
    if (national === undefined) {
      national = new Set(dutchPublicHolidayDays(year));
      byYear.set(year, national);
    }
    return national.has(day);
  };
}

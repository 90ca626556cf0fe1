import { holidayCheck, type HolidayCheck, type Holidays } from './holiday-calendar';
import { assertValidDate, EUROPE_AMSTERDAM, fromLocal, TimeZoneRule, toLocal, weekdayOf } from './time-zone';

/**
 * Working-day arithmetic for case-work deadlines (domain.md §4.5, §7.5: "10 working days").
 *
 * Conventions, chosen here because the documents are silent:
 * - Days are the region's local calendar days (Europe/Amsterdam by default, see time-zone.ts).
 * - A working day is Monday–Friday and not a holiday of `holidays` (a HolidayCalendar: the national
 *   holidays by rule plus the region's own days; or a plain list of ISO dates 'YYYY-MM-DD', local calendar).
 * - "n working days after `from`" is the n-th working day strictly after `from`'s local date, at the same
 *   local wall-clock time as `from`. A plan submitted Friday 14:00 has a 10-working-day deadline two weeks
 *   later on Friday at 14:00. A start on a weekend counts from that weekend: Saturday + 1 = Monday.
 * - `workingDaysBetween(a, b)` counts the working days in (date of a, date of b], so
 *   `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every d and n ≥ 0.
 */

function isWeekend(day: number): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

function isWorkingDayNumber(day: number, isHoliday: HolidayCheck): boolean {
  return !isWeekend(day) && !isHoliday(day);
}

function assertWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number (got ${value})`);
}

/** Whether the local date of `date` is a working day. */
export function isWorkingDay(date: Date, holidays: Holidays, zone: TimeZoneRule = EUROPE_AMSTERDAM): boolean {
  assertValidDate(date, 'date');
  return isWorkingDayNumber(toLocal(date, zone).day, holidayCheck(holidays));
}

/**
 * The same local wall-clock time on the n-th working day after (n > 0) or before (n < 0) `from`'s local
 * date. n = 0 returns `from` unchanged. Working days are never Sundays, so the result never falls in a
 * summer-time switch hour.
 */
export function addWorkingDays(
  from: Date,
  n: number,
  holidays: Holidays,
  zone: TimeZoneRule = EUROPE_AMSTERDAM,
): Date {
  assertValidDate(from, 'from');
  assertWholeNumber(n, 'n');
  const isHoliday = holidayCheck(holidays);
  if (n === 0) return new Date(from.getTime());
  const start = toLocal(from, zone);
  const step = n > 0 ? 1 : -1;
  let day = start.day;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (isWorkingDayNumber(day, isHoliday)) remaining -= 1;
  }
  return fromLocal({ day, msOfDay: start.msOfDay }, zone);
}

/** Weekdays in the day-number range (after, upTo]. */
function weekdaysIn(after: number, upTo: number): number {
  const total = upTo - after;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  for (let day = after + fullWeeks * 7 + 1; day <= upTo; day += 1) {
    if (!isWeekend(day)) count += 1;
  }
  return count;
}

/**
 * Working days from `a` to `b` by local date: the number of working days in (date of a, date of b]; negative
 * when b is before a. The time of day does not count: Monday 17:00 to Tuesday 09:00 is 1 working day.
 * Used for "days waiting" on dockets.
 */
export function workingDaysBetween(
  a: Date,
  b: Date,
  holidays: Holidays,
  zone: TimeZoneRule = EUROPE_AMSTERDAM,
): number {
  assertValidDate(a, 'a');
  assertValidDate(b, 'b');
  const isHoliday = holidayCheck(holidays);
  const dayA = toLocal(a, zone).day;
  const dayB = toLocal(b, zone).day;
  const [after, upTo, sign] = dayA <= dayB ? [dayA, dayB, 1] : [dayB, dayA, -1];
  let count = weekdaysIn(after, upTo);
  for (let day = after + 1; day <= upTo; day += 1) {
    if (!isWeekend(day) && isHoliday(day)) count -= 1;
  }
  return sign * count;
}

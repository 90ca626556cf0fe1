import {
  assertValidDate,
  civilDateOf,
  dayNumberOf,
  EUROPE_AMSTERDAM,
  fromLocal,
  TimeZoneRule,
  toLocal,
} from './time-zone';

function assertWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number (got ${value})`);
}

/**
 * The same local wall-clock time `months` calendar months later (or earlier, when negative). The day of the
 * month is clamped to the end of a shorter month: 31 January + 1 month = 28 February (29 in a leap year);
 * 29 February 2028 + 12 months = 28 February 2029. Used for evaluation intervals (domain.md §7.5).
 */
export function addCalendarMonths(from: Date, months: number, zone: TimeZoneRule = EUROPE_AMSTERDAM): Date {
  assertValidDate(from, 'from');
  assertWholeNumber(months, 'months');
  const local = toLocal(from, zone);
  const { year, monthIndex, dayOfMonth } = civilDateOf(local.day);
  const target = year * 12 + monthIndex + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = target - targetYear * 12;
  const lastDayOfTarget = civilDateOf(dayNumberOf(targetYear, targetMonth + 1, 0)).dayOfMonth;
  const day = dayNumberOf(targetYear, targetMonth, Math.min(dayOfMonth, lastDayOfTarget));
  return fromLocal({ day, msOfDay: local.msOfDay }, zone);
}

/**
 * The same local wall-clock time `days` calendar days later. Across a summer-time switch this is 23 or 25
 * hours per switched day, not 24: a deadline stays at the time of day people expect.
 */
export function addCalendarDays(from: Date, days: number, zone: TimeZoneRule = EUROPE_AMSTERDAM): Date {
  assertValidDate(from, 'from');
  assertWholeNumber(days, 'days');
  const local = toLocal(from, zone);
  return fromLocal({ day: local.day + days, msOfDay: local.msOfDay }, zone);
}

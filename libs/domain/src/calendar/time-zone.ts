/**
 * Local calendar time without a time-zone database.
 *
 * Workflow code runs in Temporal's deterministic sandbox, so this module cannot ask `Intl` or the host for
 * Europe/Amsterdam. It carries the zone as data instead: a standard offset plus, optionally, the EU
 * summer-time rule (Directive 2000/84/EC: clocks go forward one hour on the last Sunday of March at
 * 01:00 UTC and back on the last Sunday of October at 01:00 UTC). That rule has been the same in every EU
 * state since 1996, which is all the history case work needs. If the EU abolishes summer time, a region
 * publishes a new policy version with `euSummerTime: false`.
 *
 * Every getter here is a `getUTC*` one: the host's local zone never leaks in.
 */

/** A region's clock, JSON-serialisable so it travels in workflow inputs. */
export interface TimeZoneRule {
  /** Minutes east of UTC in standard (winter) time: 60 for CET. */
  readonly standardOffsetMinutes: number;
  /** Whether the EU summer-time rule adds 60 minutes between late March and late October. */
  readonly euSummerTime: boolean;
}

/** Dutch case work runs on Amsterdam wall-clock time: CET (UTC+1), CEST (UTC+2) in summer. */
export const EUROPE_AMSTERDAM: TimeZoneRule = Object.freeze({
  standardOffsetMinutes: 60,
  euSummerTime: true,
});

/** Plain UTC, for tests and regions that want no local time. */
export const UTC_ZONE: TimeZoneRule = Object.freeze({ standardOffsetMinutes: 0, euSummerTime: false });

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** A local calendar date as a whole number of days since 1970-01-01, plus the wall-clock time in that day. */
export interface LocalDateTime {
  readonly day: number;
  readonly msOfDay: number;
}

/** The day number of a civil date; `monthIndex` is 0-based and may overflow (JavaScript `Date` rules). */
export function dayNumberOf(year: number, monthIndex: number, dayOfMonth: number): number {
  // setUTCFullYear instead of Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  return Math.floor(new Date(0).setUTCFullYear(year, monthIndex, dayOfMonth) / MS_PER_DAY);
}

/** The civil date of a day number. */
export function civilDateOf(day: number): { year: number; monthIndex: number; dayOfMonth: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), monthIndex: date.getUTCMonth(), dayOfMonth: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function lastSundayOf(year: number, monthIndex: number): number {
  const lastDay = dayNumberOf(year, monthIndex + 1, 0);
  return lastDay - weekdayOf(lastDay);
}

function isEuSummerTime(instantMs: number): boolean {
  const year = new Date(instantMs).getUTCFullYear();
  const start = lastSundayOf(year, 2) * MS_PER_DAY + MS_PER_HOUR;
  const end = lastSundayOf(year, 9) * MS_PER_DAY + MS_PER_HOUR;
  return instantMs >= start && instantMs < end;
}

/** The zone's offset from UTC, in minutes, at an instant. */
export function utcOffsetMinutesAt(instantMs: number, zone: TimeZoneRule): number {
  const summer = zone.euSummerTime && isEuSummerTime(instantMs);
  return zone.standardOffsetMinutes + (summer ? 60 : 0);
}

export function assertValidDate(date: Date, name: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

/** The local date and wall-clock time of an instant. */
export function toLocal(date: Date, zone: TimeZoneRule): LocalDateTime {
  const instantMs = date.getTime();
  const localMs = instantMs + utcOffsetMinutesAt(instantMs, zone) * MS_PER_MINUTE;
  const day = Math.floor(localMs / MS_PER_DAY);
  return { day, msOfDay: localMs - day * MS_PER_DAY };
}

/**
 * The instant of a local date and wall-clock time. Like `Temporal`'s 'compatible' disambiguation: a time
 * that occurs twice (the October fall-back hour) resolves to the earlier instant; a time that does not exist
 * (the March spring-forward hour) moves forward by the gap. Both happen only on Sundays, never on a working day.
 */
export function fromLocal(local: LocalDateTime, zone: TimeZoneRule): Date {
  const localMs = local.day * MS_PER_DAY + local.msOfDay;
  const standardMs = localMs - zone.standardOffsetMinutes * MS_PER_MINUTE;
  if (!zone.euSummerTime) return new Date(standardMs);
  const summerMs = standardMs - MS_PER_HOUR;
  if (isEuSummerTime(summerMs)) return new Date(summerMs);
  return new Date(standardMs);
}

/**
 * Pure calendar arithmetic for workflow deadlines. No clock, no time-zone database: callers pass the
 * instant ("now" comes from the workflow), holidays come from the region's policy, and local dates are
 * Europe/Amsterdam by default (standard offset + EU summer-time rule, see time-zone.ts).
 */
export { EUROPE_AMSTERDAM, UTC_ZONE, utcOffsetMinutesAt } from './time-zone';
export type { TimeZoneRule } from './time-zone';
export { isValidIsoDate, localIsoDate } from './iso-date';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
export { addCalendarDays, addCalendarMonths } from './calendar-arithmetic';
export { parseDurationMs } from './duration';
export { DUTCH_HOLIDAY_YEARS, dutchPublicHolidays, easterSunday } from './dutch-public-holidays';
export type { HolidayCalendar, Holidays, NationalHolidays } from './holiday-calendar';

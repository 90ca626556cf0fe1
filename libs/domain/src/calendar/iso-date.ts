import { civilDateOf, dayNumberOf, EUROPE_AMSTERDAM, TimeZoneRule, toLocal } from './time-zone';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO calendar date 'YYYY-MM-DD', or undefined if the text is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const day = dayNumberOf(year, month, dayOfMonth);
  const back = civilDateOf(day);
  // Rejects 2026-02-30 and friends, which Date would silently roll over.
  if (back.year !== year || back.monthIndex !== month || back.dayOfMonth !== dayOfMonth) return undefined;
  return day;
}

export function isValidIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatIsoDate(day: number): string {
  const { year, monthIndex, dayOfMonth } = civilDateOf(day);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(monthIndex + 1, 2)}-${pad(dayOfMonth, 2)}`;
}

/** The local calendar date of an instant, as 'YYYY-MM-DD' (Amsterdam unless told otherwise). */
export function localIsoDate(date: Date, zone: TimeZoneRule = EUROPE_AMSTERDAM): string {
  return formatIsoDate(toLocal(date, zone).day);
}

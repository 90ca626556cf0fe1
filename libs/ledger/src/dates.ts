import { EUROPE_AMSTERDAM, isValidIsoDate, localIsoDate } from '@app/domain';
import { LedgerError } from './ledger-error';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A due or validity date as 'YYYY-MM-DD'. Accepts a calendar date, or an ISO date-time whose Amsterdam
 * calendar date is taken (payments fall due on Dutch calendar days).
 */
export function toIsoDate(value: unknown, field: string): string {
  if (typeof value === 'string' && isValidIsoDate(value)) return value;
  if (typeof value === 'string' && DATE_TIME.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return localIsoDate(instant, EUROPE_AMSTERDAM);
  }
  throw new LedgerError('INVALID_INPUT', `${field} must be an ISO-8601 date, got ${String(value)}`);
}

/** Today's Amsterdam calendar date at `now`. */
export function amsterdamDate(now: Date): string {
  return localIsoDate(now, EUROPE_AMSTERDAM);
}

/** The Amsterdam calendar month at `now`, 'YYYY-MM'. */
export function amsterdamMonth(now: Date): string {
  return amsterdamDate(now).slice(0, 7);
}

/** An accounting period 'YYYY-MM' (a calendar month, as iStandaarden declaration periods are). */
export interface MonthPeriod {
  period: string;
  /** First day, 'YYYY-MM-01'. */
  start: string;
  /** Last day, inclusive. */
  end: string;
  /** First day of the next month (exclusive bound for SQL). */
  next: string;
}

export function monthPeriod(period: unknown): MonthPeriod {
  const match = typeof period === 'string' ? PERIOD.exec(period) : null;
  if (!match) throw new LedgerError('INVALID_INPUT', `period must be YYYY-MM, got ${String(period)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return {
    period: period as string,
    start: `${year}-${pad(month)}-01`,
    end: `${year}-${pad(month)}-${pad(lastDay)}`,
    next,
  };
}

/** A pg timestamptz (Date) or text as an ISO-8601 instant. */
export function isoInstant(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

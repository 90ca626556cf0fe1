import type { SchemaObject } from '@nestjs/swagger';
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Dates at the edge (style.md: ISO-8601 strings at the edges): an RFC 3339 full-date or date-time with a
 * four-digit year from 1000 and an explicit offset. Narrower than ISO 8601 on purpose: week and ordinal
 * dates, missing seconds or a year 0 reach PostgreSQL and `Date` as errors or NaN, so they are refused here,
 * and the OpenAPI document states exactly this (pattern plus format; the format adds the days per month).
 */
const DATE = '[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
// Fractions up to microseconds (PostgreSQL's precision). Offsets from -14:00 to +14:00, the ones clocks use:
// RFC 3339's grammar allows up to 23:59, which PostgreSQL refuses as out of range (fuzzing found +20:06).
const TIME =
  '([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9]|[+-]14:00)';
const DATE_ONLY = new RegExp(`^${DATE}$`);
const INSTANT = new RegExp(`^${DATE}T${TIME}$`);

/** A calendar month, YYYY-MM (payment periods): the same years as a date, so it always names real days. */
export const ISO_MONTH = /^[1-9][0-9]{3}-(0[1-9]|1[0-2])$/;

const DATE_SCHEMA: SchemaObject = { type: 'string', format: 'date', pattern: DATE_ONLY.source };
const INSTANT_SCHEMA: SchemaObject = { type: 'string', format: 'date-time', pattern: INSTANT.source };

/** The schema each date rule puts in the OpenAPI document, by the rule's validator name. */
export const DATE_RULE_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  isIsoDate: DATE_SCHEMA,
  isIsoInstant: INSTANT_SCHEMA,
  isIsoDateOrInstant: { type: 'string', anyOf: [DATE_SCHEMA, INSTANT_SCHEMA] },
};

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The pattern holds and the day exists in its month (2026-02-30 does not). */
function isCalendarDate(value: unknown, pattern: RegExp): value is string {
  if (typeof value !== 'string' || !pattern.test(value)) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return day <= daysIn(year, month);
}

function dateRule(
  name: string,
  test: (value: unknown) => boolean,
  what: string,
  options?: ValidationOptions,
) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: test,
        defaultMessage: buildMessage((each) => `${each}$property must be ${what}`, options),
      },
    },
    options,
  );
}

/** A calendar date, YYYY-MM-DD. */
export const IsIsoDate = (options?: ValidationOptions) =>
  dateRule('isIsoDate', (v) => isCalendarDate(v, DATE_ONLY), 'a date (YYYY-MM-DD)', options);

/** An instant: date, time with seconds, and Z or an offset (2026-12-01T09:00:00Z). */
export const IsIsoInstant = (options?: ValidationOptions) =>
  dateRule(
    'isIsoInstant',
    (v) => isCalendarDate(v, INSTANT),
    'an RFC 3339 date-time with seconds and an offset (2026-12-01T09:00:00Z)',
    options,
  );

/** Either of the two: a filter bound given as a whole day or as an instant. */
export const IsIsoDateOrInstant = (options?: ValidationOptions) =>
  dateRule(
    'isIsoDateOrInstant',
    (v) => isCalendarDate(v, DATE_ONLY) || isCalendarDate(v, INSTANT),
    'a date (YYYY-MM-DD) or an RFC 3339 date-time (2026-12-01T09:00:00Z)',
    options,
  );

/**
 * Parses the duration strings that Temporal accepts (the `ms` package format: '2 seconds', '14 days',
 * '1.5h', '500'), without importing anything into workflow code. A bare number is milliseconds; a year is
 * 365.25 days, as in `ms`. These are exact elapsed times, not calendar or working days.
 */
const DURATION =
  /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i;

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_557_600_000,
};

function unitKey(unit: string): string {
  const lower = unit.toLowerCase();
  if (lower.startsWith('ms') || lower.startsWith('msec') || lower.startsWith('milli')) return 'ms';
  return lower.charAt(0);
}

/** Milliseconds in a duration string; throws RangeError when the text is not a duration. */
export function parseDurationMs(text: string): number {
  const match = typeof text === 'string' && text.length <= 100 ? DURATION.exec(text.trim()) : null;
  if (!match) throw new RangeError(`'${String(text)}' is not a duration such as '2 seconds' or '14 days'`);
  const unit = match[2] === undefined ? 'ms' : unitKey(match[2]);
  return Number(match[1]) * UNIT_MS[unit];
}

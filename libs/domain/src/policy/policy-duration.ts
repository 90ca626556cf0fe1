import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  EUROPE_AMSTERDAM,
  parseDurationMs,
  type Holidays,
  type TimeZoneRule,
} from '../calendar';

/**
 * A configured length of time. Working days, calendar days and months are counted on the region's local
 * calendar and keep the wall-clock time of their start; `duration` is an exact elapsed time in Temporal's
 * string format ('2 seconds', '14 days'), meant for benchmarks and tests that must not wait for weeks.
 */
export type PolicyDuration =
  | { readonly workingDays: number }
  | { readonly calendarDays: number }
  | { readonly months: number }
  | { readonly duration: string };

export type PolicyDurationKind = 'workingDays' | 'calendarDays' | 'months' | 'duration';

const KINDS: readonly PolicyDurationKind[] = ['workingDays', 'calendarDays', 'months', 'duration'];

/**
 * Sanity caps of ten years. They are not rules from the documents: they stop a configuration typo
 * (10000 months) from making a workflow task loop for a long time.
 */
const MAX_AMOUNT: Readonly<Record<Exclude<PolicyDurationKind, 'duration'>, number>> = {
  workingDays: 2_610,
  calendarDays: 3_653,
  months: 120,
};
const MAX_DURATION_MS = 3_653 * 86_400_000;

/** The kind of a duration, or undefined when the value has not exactly one known key. */
export function policyDurationKind(spec: unknown): PolicyDurationKind | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  return KINDS.find((kind) => kind === keys[0]);
}

/** Why a value is not a usable positive PolicyDuration, or undefined when it is. */
export function policyDurationProblem(spec: unknown): string | undefined {
  const kind = policyDurationKind(spec);
  if (kind === undefined) {
    return 'must be exactly one of { workingDays }, { calendarDays }, { months }, { duration }';
  }
  const value = (spec as Record<string, unknown>)[kind];
  if (kind === 'duration') {
    if (typeof value !== 'string') return 'duration must be a string such as "2 seconds"';
    let ms: number;
    try {
      ms = parseDurationMs(value);
    } catch {
      return `duration "${value}" is not a Temporal duration string`;
    }
    if (!(ms > 0)) return `duration "${value}" must be positive`;
    return ms > MAX_DURATION_MS ? `duration "${value}" exceeds the ten-year sanity cap` : undefined;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    return `${kind} must be a positive whole number (got ${JSON.stringify(value)})`;
  }
  return value > MAX_AMOUNT[kind] ? `${kind} ${value} exceeds the ten-year sanity cap` : undefined;
}

/** The instant a duration ends when it starts at `from`. */
export function resolveDeadline(
  from: Date,
  spec: PolicyDuration,
  holidays: Holidays,
  zone: TimeZoneRule = EUROPE_AMSTERDAM,
): Date {
  if ('workingDays' in spec) return addWorkingDays(from, spec.workingDays, holidays, zone);
  if ('calendarDays' in spec) return addCalendarDays(from, spec.calendarDays, zone);
  if ('months' in spec) return addCalendarMonths(from, spec.months, zone);
  if ('duration' in spec) return new Date(from.getTime() + parseDurationMs(spec.duration));
  throw new RangeError(`not a PolicyDuration: ${JSON.stringify(spec)}`);
}

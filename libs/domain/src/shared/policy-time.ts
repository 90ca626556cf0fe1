import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  parseDurationMs,
  workingDaysBetween,
} from '../calendar';
import { policyHolidays, resolvePolicyDeadline } from '../policy';
import type { PolicyDuration, TrajectoryPolicy } from '../policy';

const MS_PER_DAY = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The ISO instant a policy duration ends, counted from `from` on the region's calendar (domain.md §7.5). */
export function deadlineFrom(policy: TrajectoryPolicy, from: string | Date, spec: PolicyDuration): string {
  const start = typeof from === 'string' ? new Date(from) : from;
  return resolvePolicyDeadline(policy, start, spec).toISOString();
}

/** `spec` taken `times` times, so that the n-th period boundary is counted from one anchor without drift. */
export function multiplyDuration(spec: PolicyDuration, times: number): PolicyDuration {
  if ('workingDays' in spec) return { workingDays: spec.workingDays * times };
  if ('calendarDays' in spec) return { calendarDays: spec.calendarDays * times };
  if ('months' in spec) return { months: spec.months * times };
  // A bare number is milliseconds in Temporal's duration format.
  return { duration: String(parseDurationMs(spec.duration) * times) };
}

/** Working days and calendar days waited from `since` to `now`, for the table's docket (§4.6). */
export function waitingTime(
  policy: TrajectoryPolicy,
  since: string,
  now: Date,
): { workingDays: number; calendarDays: number } {
  const from = new Date(since);
  return {
    workingDays: Math.max(0, workingDaysBetween(from, now, policyHolidays(policy), policy.timeZone)),
    calendarDays: Math.max(0, Math.floor((now.getTime() - from.getTime()) / MS_PER_DAY)),
  };
}

/**
 * An input instant in the canonical form the state uses (`Date#toISOString`, UTC, milliseconds), so that
 * instants compare as text; undefined when the text is not an ISO-8601 date or date-time.
 */
export function canonicalInstant(text: unknown): string | undefined {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text)) return undefined;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The later of two canonical instants (canonical ISO strings sort as text). */
export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The instant a policy duration before `to` (the mirror of deadlineFrom), on the region's calendar. */
export function instantBefore(policy: TrajectoryPolicy, to: string, spec: PolicyDuration): string {
  const end = new Date(to);
  if ('workingDays' in spec) {
    return addWorkingDays(end, -spec.workingDays, policyHolidays(policy), policy.timeZone).toISOString();
  }
  if ('calendarDays' in spec) return addCalendarDays(end, -spec.calendarDays, policy.timeZone).toISOString();
  if ('months' in spec) return addCalendarMonths(end, -spec.months, policy.timeZone).toISOString();
  return new Date(end.getTime() - parseDurationMs(spec.duration)).toISOString();
}

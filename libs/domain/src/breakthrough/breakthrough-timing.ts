import type { NationalHolidays, TimeZoneRule } from '../calendar';
import { policyHolidays, resolveDeadline } from '../policy';
import type { PolicyDuration, TrajectoryPolicy } from '../policy';

/**
 * The table's clock, copied from the trajectory's policy snapshot into the docket so that the table's
 * own workflow computes the same instants (domain.md §4.5: decision in 10 working days, reminder at 5).
 */
export interface BreakthroughTiming {
  deadline: PolicyDuration;
  reminder: PolicyDuration;
  holidays: string[];
  /** Absent in dockets from before the holiday rule: read as 'NL' (see TrajectoryPolicy). */
  nationalHolidays?: NationalHolidays;
  timeZone: TimeZoneRule;
}

export function breakthroughTimingOf(policy: TrajectoryPolicy): BreakthroughTiming {
  return {
    deadline: { ...policy.breakthroughDeadline } as PolicyDuration,
    reminder: { ...policy.breakthroughReminder } as PolicyDuration,
    holidays: [...policy.holidays],
    // Only when the policy names it, so a docket of an older policy stays exactly what it was.
    ...(policy.nationalHolidays !== undefined ? { nationalHolidays: policy.nationalHolidays } : {}),
    timeZone: { ...policy.timeZone },
  };
}

/** The deadline and reminder of a table case counted from `from` (an escalation or a provisional start). */
export function breakthroughDeadlines(
  timing: BreakthroughTiming,
  from: Date,
): { deadlineAt: string; reminderAt: string } {
  const holidays = policyHolidays(timing);
  return {
    deadlineAt: resolveDeadline(from, timing.deadline, holidays, timing.timeZone).toISOString(),
    reminderAt: resolveDeadline(from, timing.reminder, holidays, timing.timeZone).toISOString(),
  };
}

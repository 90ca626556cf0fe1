import { isValidIsoDate } from '../calendar';
import { policyDurationProblem, resolveDeadline } from './policy-duration';
import { policyHolidays } from './policy-rules';
import type { PolicyDuration } from './policy-duration';
import {
  EVALUATION_OUTCOME_CODES,
  OVERRIDABLE_POLICY_FIELDS,
  SIGNATURE_PARTIES,
  TRAJECTORY_SPLIT_PRESETS,
  TrajectoryPolicy,
  type OverridablePolicyField,
} from './trajectory-policy';

/** Thrown when a policy (or a policy with overrides) is not usable; `problems` lists every reason. */
export class PolicyValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid trajectory policy: ${problems.join('; ')}`);
    this.name = 'PolicyValidationError';
  }
}

/** Durations a snapshot of policy version 2026.1 does not have (policy-rules.ts `waitPolicy`). */
const OPTIONAL_DURATIONS: ReadonlySet<string> = new Set([
  'intakeDeadline',
  'draftingDeadline',
  'resubmissionDeadline',
  'reminderLead',
  'reminderInterval',
]);

/** The durations of a policy: the overridable ones but the round-trip count and the validity rule, and the reminders. */
const DURATION_FIELDS = [
  ...OVERRIDABLE_POLICY_FIELDS.filter(
    (field): field is Exclude<OverridablePolicyField, 'roundTripLimit' | 'decisionValidity'> =>
      field !== 'roundTripLimit' && field !== 'decisionValidity',
  ),
  'reminderLead' as const,
  'reminderInterval' as const,
];

const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  'policyId',
  'version',
  'regionId',
  'timeZone',
  'holidays',
  'nationalHolidays',
  'signaturesBeforeApproval',
  'roundTripLimit',
  'decisionValidity',
  'planExemptionRequestTypes',
  'localTeamRequiredForOutcomes',
  'localTeamRequiredAtFinalEvaluation',
  'regionTrajectorySplit',
  'paymentPeriods',
  'overriddenFields',
  ...DURATION_FIELDS,
]);

/** A Monday, so that comparisons of working-day durations are not skewed by a weekend start. */
const COMPARISON_START = new Date('2026-01-05T09:00:00Z');

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkDuration(problems: string[], name: string, value: unknown): void {
  const problem = policyDurationProblem(value);
  if (problem !== undefined) problems.push(`${name}: ${problem}`);
}

function checkStringList(
  problems: string[],
  name: string,
  value: unknown,
  allowed?: readonly string[],
): void {
  if (!Array.isArray(value)) {
    problems.push(`${name}: must be a list`);
    return;
  }
  const seen = new Set<unknown>();
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '')
      problems.push(`${name}: ${JSON.stringify(item)} is not a code`);
    else if (allowed !== undefined && !allowed.includes(item))
      problems.push(`${name}: unknown value '${item}'`);
    if (seen.has(item)) problems.push(`${name}: '${String(item)}' is listed twice`);
    seen.add(item);
  }
}

function checkReminderBeforeDeadline(problems: string[], policy: Fields): void {
  const { breakthroughReminder: reminder, breakthroughDeadline: deadline } = policy;
  if (policyDurationProblem(reminder) || policyDurationProblem(deadline)) return;
  const holidays = policyHolidays({
    nationalHolidays: policy.nationalHolidays === 'NONE' ? 'NONE' : 'NL',
    holidays: Array.isArray(policy.holidays) ? policy.holidays.filter(isValidIsoDate) : [],
  });
  const at = (spec: unknown): number =>
    resolveDeadline(COMPARISON_START, spec as PolicyDuration, holidays).getTime();
  if (at(reminder) >= at(deadline)) {
    problems.push('breakthroughReminder: must come before breakthroughDeadline');
  }
}

/** Every problem with a policy, in words; an empty list means the policy is usable. */
export function validateTrajectoryPolicy(policy: TrajectoryPolicy): string[] {
  const problems: string[] = [];
  if (!isRecord(policy)) return ['policy: must be an object'];
  const p: Fields = policy as unknown as Fields;

  for (const key of Object.keys(p)) if (!KNOWN_FIELDS.has(key)) problems.push(`${key}: unknown field`);
  for (const name of ['policyId', 'version', 'regionId']) {
    if (typeof p[name] !== 'string' || (p[name] as string).trim() === '')
      problems.push(`${name}: must be a non-empty string`);
  }

  const zone = p.timeZone;
  if (
    !isRecord(zone) ||
    !Number.isSafeInteger(zone.standardOffsetMinutes) ||
    Math.abs(zone.standardOffsetMinutes as number) > 14 * 60 ||
    typeof zone.euSummerTime !== 'boolean'
  ) {
    problems.push(
      'timeZone: must be { standardOffsetMinutes: whole minutes within ±14 h, euSummerTime: boolean }',
    );
  }

  if (p.nationalHolidays !== undefined && p.nationalHolidays !== 'NL' && p.nationalHolidays !== 'NONE') {
    problems.push(`nationalHolidays: 'NL' or 'NONE' (got ${JSON.stringify(p.nationalHolidays)})`);
  }
  if (!Array.isArray(p.holidays)) problems.push('holidays: must be a list of ISO dates');
  else
    for (const day of p.holidays)
      if (!isValidIsoDate(day)) problems.push(`holidays: '${String(day)}' is not an ISO date YYYY-MM-DD`);

  for (const name of DURATION_FIELDS) {
    if (p[name] === undefined && OPTIONAL_DURATIONS.has(name)) continue;
    checkDuration(problems, name, p[name]);
  }
  const before = p.signaturesBeforeApproval;
  if (before !== undefined && before !== 'ALL') {
    checkStringList(problems, 'signaturesBeforeApproval', before, SIGNATURE_PARTIES);
  }
  checkReminderBeforeDeadline(problems, p);

  if (!Number.isSafeInteger(p.roundTripLimit) || (p.roundTripLimit as number) < 1) {
    problems.push(
      `roundTripLimit: must be a whole number of at least 1 (got ${JSON.stringify(p.roundTripLimit)})`,
    );
  }

  const validity = p.decisionValidity;
  if (!isRecord(validity)) problems.push('decisionValidity: must be { highComplexity, withoutPlannedEnd }');
  else {
    checkDuration(problems, 'decisionValidity.highComplexity', validity.highComplexity);
    checkDuration(problems, 'decisionValidity.withoutPlannedEnd', validity.withoutPlannedEnd);
  }

  checkStringList(problems, 'planExemptionRequestTypes', p.planExemptionRequestTypes);
  checkStringList(
    problems,
    'localTeamRequiredForOutcomes',
    p.localTeamRequiredForOutcomes,
    EVALUATION_OUTCOME_CODES,
  );
  if (typeof p.localTeamRequiredAtFinalEvaluation !== 'boolean') {
    problems.push('localTeamRequiredAtFinalEvaluation: must be true or false');
  }
  if (!TRAJECTORY_SPLIT_PRESETS.includes(p.regionTrajectorySplit as never)) {
    problems.push(`regionTrajectorySplit: must be one of ${TRAJECTORY_SPLIT_PRESETS.join(', ')}`);
  }

  const periods = p.paymentPeriods;
  if (!isRecord(periods)) problems.push('paymentPeriods: must be { P1M, P4W, P1Y }');
  else
    for (const code of ['P1M', 'P4W', 'P1Y'])
      checkDuration(problems, `paymentPeriods.${code}`, periods[code]);

  checkStringList(problems, 'overriddenFields', p.overriddenFields, OVERRIDABLE_POLICY_FIELDS);
  return problems;
}

/** Returns the policy when it is valid; throws PolicyValidationError otherwise. */
export function assertValidTrajectoryPolicy(policy: TrajectoryPolicy): TrajectoryPolicy {
  const problems = validateTrajectoryPolicy(policy);
  if (problems.length > 0) throw new PolicyValidationError(problems);
  return policy;
}

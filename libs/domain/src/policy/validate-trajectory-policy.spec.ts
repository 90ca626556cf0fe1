import {
  assertValidTrajectoryPolicy,
  DEFAULT_TRAJECTORY_POLICY,
  PolicyValidationError,
  validateTrajectoryPolicy,
} from './index';
import type { TrajectoryPolicy } from './index';

/** The default policy with some fields replaced by (possibly ill-typed) values, as JSON config could. */
function withFields(fields: Record<string, unknown>): TrajectoryPolicy {
  return { ...DEFAULT_TRAJECTORY_POLICY, ...fields } as unknown as TrajectoryPolicy;
}

describe('validateTrajectoryPolicy', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'a zero working-day deadline',
      { approvalDeadline: { workingDays: 0 } },
      'approvalDeadline: workingDays must be a positive',
    ],
    [
      'a negative month interval',
      { evaluationInterval: { months: -3 } },
      'evaluationInterval: months must be a positive',
    ],
    [
      'a fractional grace',
      { evaluationGrace: { workingDays: 2.5 } },
      'evaluationGrace: workingDays must be a positive',
    ],
    [
      'a zero duration string',
      { signatureDeadline: { duration: '0 ms' } },
      'signatureDeadline: duration "0 ms" must be positive',
    ],
    [
      'an unreadable duration string',
      { firstEvaluation: { duration: 'a while' } },
      'firstEvaluation: duration "a while"',
    ],
    [
      'a duration with two units',
      { providerStartDeadline: { workingDays: 10, months: 1 } },
      'providerStartDeadline: must be exactly one of',
    ],
    [
      'a missing duration',
      { highComplexityReassessment: undefined },
      'highComplexityReassessment: must be exactly one of',
    ],
    [
      'a reminder equal to the deadline',
      { breakthroughReminder: { workingDays: 10 } },
      'breakthroughReminder: must come before breakthroughDeadline',
    ],
    [
      'a reminder after the deadline',
      { breakthroughReminder: { months: 1 } },
      'breakthroughReminder: must come before breakthroughDeadline',
    ],
    [
      'a round-trip limit of 0',
      { roundTripLimit: 0 },
      'roundTripLimit: must be a whole number of at least 1',
    ],
    [
      'a fractional round-trip limit',
      { roundTripLimit: 2.5 },
      'roundTripLimit: must be a whole number of at least 1',
    ],
    ['an impossible holiday', { holidays: ['2026-02-30'] }, "holidays: '2026-02-30' is not an ISO date"],
    ['an empty policy id', { policyId: ' ' }, 'policyId: must be a non-empty string'],
    ['a missing version', { version: undefined }, 'version: must be a non-empty string'],
    ['a bad time zone', { timeZone: { standardOffsetMinutes: 60 } }, 'timeZone: must be'],
    [
      'an unknown split preset',
      { regionTrajectorySplit: 'HALF_HALF' },
      'regionTrajectorySplit: must be one of',
    ],
    [
      'an unknown evaluation outcome',
      { localTeamRequiredForOutcomes: ['SCALE_SIDEWAYS'] },
      "localTeamRequiredForOutcomes: unknown value 'SCALE_SIDEWAYS'",
    ],
    [
      'a duplicate exemption',
      { planExemptionRequestTypes: ['X', 'X'] },
      "planExemptionRequestTypes: 'X' is listed twice",
    ],
    [
      'an exemption list that is not a list',
      { planExemptionRequestTypes: 'X' },
      'planExemptionRequestTypes: must be a list',
    ],
    [
      'a missing final-evaluation flag',
      { localTeamRequiredAtFinalEvaluation: 'yes' },
      'localTeamRequiredAtFinalEvaluation: must be true or false',
    ],
    [
      'a bad decision validity',
      { decisionValidity: { highComplexity: { months: 0 } } },
      'decisionValidity.highComplexity: months must be a positive',
    ],
    [
      'a missing payment period',
      { paymentPeriods: { P1M: { months: 1 }, P4W: { calendarDays: 28 } } },
      'paymentPeriods.P1Y: must be exactly one of',
    ],
    [
      'an unknown overridden field',
      { overriddenFields: ['holidays'] },
      "overriddenFields: unknown value 'holidays'",
    ],
    ['a misspelt field', { aprovalDeadline: { workingDays: 10 } }, 'aprovalDeadline: unknown field'],
  ])('reports %s', (_case, fields, problem) => {
    expect(validateTrajectoryPolicy(withFields(fields))).toEqual(
      expect.arrayContaining([expect.stringContaining(problem)]),
    );
  });

  it('reports every problem at once, not just the first', () => {
    const problems = validateTrajectoryPolicy(
      withFields({ roundTripLimit: 0, approvalDeadline: { workingDays: -1 }, regionId: '' }),
    );
    expect(problems).toHaveLength(3);
  });

  it('accepts a reminder in seconds before a deadline in working days (mixed kinds)', () => {
    expect(validateTrajectoryPolicy(withFields({ breakthroughReminder: { duration: '2 seconds' } }))).toEqual(
      [],
    );
  });

  it('accepts a test policy that runs on seconds', () => {
    const fast = withFields({
      approvalDeadline: { duration: '2 seconds' },
      breakthroughDeadline: { duration: '4 seconds' },
      breakthroughReminder: { duration: '2 seconds' },
    });
    expect(validateTrajectoryPolicy(fast)).toEqual([]);
  });

  it('rejects something that is not an object', () => {
    expect(validateTrajectoryPolicy(null as unknown as TrajectoryPolicy)).toEqual([
      'policy: must be an object',
    ]);
  });
});

describe('assertValidTrajectoryPolicy', () => {
  it('returns a valid policy', () => {
    expect(assertValidTrajectoryPolicy(DEFAULT_TRAJECTORY_POLICY)).toBe(DEFAULT_TRAJECTORY_POLICY);
  });

  it('throws PolicyValidationError carrying the problems', () => {
    const invalid = withFields({ roundTripLimit: 0 });
    expect(() => assertValidTrajectoryPolicy(invalid)).toThrow(PolicyValidationError);
    try {
      assertValidTrajectoryPolicy(invalid);
    } catch (error) {
      expect((error as PolicyValidationError).problems).toEqual([
        'roundTripLimit: must be a whole number of at least 1 (got 0)',
      ]);
      expect((error as Error).name).toBe('PolicyValidationError');
    }
  });
});

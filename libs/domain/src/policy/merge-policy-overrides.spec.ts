import {
  DEFAULT_TRAJECTORY_POLICY,
  mergePolicyOverrides,
  PolicyValidationError,
  validateTrajectoryPolicy,
} from './index';
import type { TrajectoryPolicyOverrides } from './index';

const base = DEFAULT_TRAJECTORY_POLICY;

function problemsOf(overrides: TrajectoryPolicyOverrides): readonly string[] {
  try {
    mergePolicyOverrides(base, overrides);
  } catch (error) {
    if (error instanceof PolicyValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a PolicyValidationError');
}

describe('mergePolicyOverrides', () => {
  it('overrides the evaluation interval for a vulnerable client and records it (R-TIME-05)', () => {
    const policy = mergePolicyOverrides(base, { evaluationInterval: { months: 1 } });
    expect(policy.evaluationInterval).toEqual({ months: 1 });
    expect(policy.overriddenFields).toEqual(['evaluationInterval']);
    expect(policy).toMatchObject({ policyId: base.policyId, version: base.version, regionId: base.regionId });
    expect(validateTrajectoryPolicy(policy)).toEqual([]);
  });

  it('returns a new policy and leaves the base untouched', () => {
    const policy = mergePolicyOverrides(base, { roundTripLimit: 5 });
    expect(policy).not.toBe(base);
    expect(base.roundTripLimit).toBe(3);
    expect(base.overriddenFields).toEqual([]);
  });

  it('merges a partial decision validity', () => {
    const policy = mergePolicyOverrides(base, { decisionValidity: { withoutPlannedEnd: { months: 6 } } });
    expect(policy.decisionValidity).toEqual({
      highComplexity: { months: 12 },
      withoutPlannedEnd: { months: 6 },
    });
  });

  it('ignores fields given as undefined', () => {
    const policy = mergePolicyOverrides(base, { approvalDeadline: undefined, roundTripLimit: 4 });
    expect(policy.approvalDeadline).toEqual(base.approvalDeadline);
    expect(policy.overriddenFields).toEqual(['roundTripLimit']);
  });

  it('accumulates overridden fields over several merges without duplicates', () => {
    const once = mergePolicyOverrides(base, { evaluationInterval: { months: 2 } });
    const twice = mergePolicyOverrides(once, {
      evaluationInterval: { months: 1 },
      evaluationGrace: { workingDays: 5 },
    });
    expect(twice.overriddenFields).toEqual(['evaluationInterval', 'evaluationGrace']);
  });

  it('refuses region settings and identity, which need a new policy version', () => {
    const overrides = {
      holidays: [],
      version: '2026.2',
      regionTrajectorySplit: 'WBW_50_50',
    } as unknown as TrajectoryPolicyOverrides;
    expect(problemsOf(overrides)).toEqual([
      'holidays: cannot be overridden per trajectory; publish a new policy version instead',
      'version: cannot be overridden per trajectory; publish a new policy version instead',
      'regionTrajectorySplit: cannot be overridden per trajectory; publish a new policy version instead',
    ]);
  });

  it('validates the result: an override may not push the reminder past the deadline', () => {
    expect(problemsOf({ breakthroughDeadline: { workingDays: 3 } })).toEqual([
      'breakthroughReminder: must come before breakthroughDeadline',
    ]);
  });

  it('validates the overriding values themselves', () => {
    expect(problemsOf({ evaluationInterval: { months: 0 }, roundTripLimit: 0 })).toHaveLength(2);
  });

  it('gives a JSON-serialisable policy', () => {
    const policy = mergePolicyOverrides(base, { evaluationInterval: { calendarDays: 14 } });
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });
});

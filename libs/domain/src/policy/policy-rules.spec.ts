import { UTC_ZONE } from '../calendar';
import {
  decisionValidTo,
  DEFAULT_TRAJECTORY_POLICY,
  evaluationIntervalFor,
  evaluationOverdueAt,
  isLocalTeamRequired,
  isPlanExemptRequestType,
  mergePolicyOverrides,
  paymentPeriodFor,
  resolvePolicyDeadline,
} from './index';
import type { EvaluationOutcomeCode, PolicyDuration, TrajectoryPolicy } from './index';

const at = (iso: string): Date => new Date(iso);
const policy = DEFAULT_TRAJECTORY_POLICY;

describe('evaluationIntervalFor', () => {
  it('uses the regular interval, or the monthly one for an intensive indication (§7.5)', () => {
    expect(evaluationIntervalFor(policy, { intensive: false })).toEqual({ months: 3 });
    expect(evaluationIntervalFor(policy, { intensive: true })).toEqual({ months: 1 });
  });

  it('lets a per-trajectory override win, also over intensive (R-TIME-05)', () => {
    expect(evaluationIntervalFor(policy, { intensive: true, override: { calendarDays: 14 } })).toEqual({
      calendarDays: 14,
    });
  });

  it('follows an interval overridden in the trajectory policy', () => {
    const own = mergePolicyOverrides(policy, { evaluationInterval: { months: 6 } });
    expect(evaluationIntervalFor(own, { intensive: false })).toEqual({ months: 6 });
  });

  it('rejects an invalid override', () => {
    expect(() => evaluationIntervalFor(policy, { intensive: false, override: { months: 0 } })).toThrow(
      RangeError,
    );
    expect(() =>
      evaluationIntervalFor(policy, {
        intensive: false,
        override: { weeks: 2 } as unknown as PolicyDuration,
      }),
    ).toThrow(RangeError);
  });
});

describe('resolvePolicyDeadline and evaluationOverdueAt', () => {
  it('uses the policy holidays: approval due 10 working days after a submission before Christmas', () => {
    const submitted = at('2026-12-18T09:00:00Z');
    expect(resolvePolicyDeadline(policy, submitted, policy.approvalDeadline)).toEqual(
      at('2027-01-05T09:00:00Z'),
    );
  });

  it('uses the policy time zone', () => {
    const utcPolicy: TrajectoryPolicy = { ...policy, timeZone: UTC_ZONE };
    const thursdayLate = at('2026-03-05T23:30:00Z'); // Friday 00:30 in Amsterdam
    expect(resolvePolicyDeadline(policy, thursdayLate, { workingDays: 1 })).toEqual(
      at('2026-03-08T23:30:00Z'),
    );
    expect(resolvePolicyDeadline(utcPolicy, thursdayLate, { workingDays: 1 })).toEqual(
      at('2026-03-06T23:30:00Z'),
    );
  });

  it('flags an evaluation overdue 10 working days after it was due (DEFAULT grace)', () => {
    // Due Monday 4 May 2026; Bevrijdingsdag (5 May), Hemelvaart (14 May) are skipped.
    expect(evaluationOverdueAt(policy, at('2026-05-04T08:00:00Z'))).toEqual(at('2026-05-20T08:00:00Z'));
  });
});

describe('decisionValidTo', () => {
  const validFrom = at('2026-01-31T09:00:00Z');

  it('is one year for high complexity, whatever the plan says (R-TIME-02)', () => {
    expect(
      decisionValidTo(policy, { validFrom, highComplexity: true, plannedEndAt: at('2026-06-30T08:00:00Z') }),
    ).toEqual(at('2027-01-31T09:00:00Z'));
  });

  it('is the planned end of the plan otherwise', () => {
    expect(
      decisionValidTo(policy, { validFrom, highComplexity: false, plannedEndAt: at('2026-06-30T08:00:00Z') }),
    ).toEqual(at('2026-06-30T08:00:00Z'));
  });

  it('falls back to 12 months when the plan names no end (DEFAULT)', () => {
    expect(decisionValidTo(policy, { validFrom, highComplexity: false })).toEqual(at('2027-01-31T09:00:00Z'));
  });
});

describe('isPlanExemptRequestType (R-PLAN-05, decisions.md 6)', () => {
  it('exempts a single consultation and a one-off medication review only', () => {
    expect(isPlanExemptRequestType(policy, 'SINGLE_CONSULTATION')).toBe(true);
    expect(isPlanExemptRequestType(policy, 'ONE_OFF_MEDICATION_REVIEW')).toBe(true);
    expect(isPlanExemptRequestType(policy, 'RECOVERY_TRAJECTORY')).toBe(false);
  });
});

describe('isLocalTeamRequired (decisions.md 5)', () => {
  it.each<[boolean, EvaluationOutcomeCode, boolean]>([
    [false, 'CONTINUE', false],
    [false, 'REASSESS', false],
    [false, 'COMPLETE', false],
    [false, 'SCALE_UP', true],
    [false, 'SCALE_DOWN', true],
    [false, 'TERMINATE', true],
    [true, 'COMPLETE', true],
    [true, 'CONTINUE', true],
  ])('final=%s outcome=%s → %s', (finalEvaluation, outcome, required) => {
    expect(isLocalTeamRequired(policy, { finalEvaluation, outcome })).toBe(required);
  });

  it('follows a region that does not require the team at the final evaluation', () => {
    const region: TrajectoryPolicy = { ...policy, localTeamRequiredAtFinalEvaluation: false };
    expect(isLocalTeamRequired(region, { finalEvaluation: true, outcome: 'COMPLETE' })).toBe(false);
  });
});

describe('paymentPeriodFor', () => {
  it('maps arrangement period codes to durations (§7.5, R-TIME-06)', () => {
    expect(paymentPeriodFor(policy, 'P1M')).toEqual({ months: 1 });
    expect(paymentPeriodFor(policy, 'P4W')).toEqual({ calendarDays: 28 });
    expect(paymentPeriodFor(policy, 'P1Y')).toEqual({ months: 12 });
  });
});

import { isWorkingDay } from '../calendar';
import { DEFAULT_TRAJECTORY_POLICY, policyHolidays, validateTrajectoryPolicy } from './index';
import type { TrajectoryPolicy } from './index';

describe('DEFAULT_TRAJECTORY_POLICY', () => {
  it('is valid', () => {
    expect(validateTrajectoryPolicy(DEFAULT_TRAJECTORY_POLICY)).toEqual([]);
  });

  it('is the West-Friesland demo, version 2026.2', () => {
    expect(DEFAULT_TRAJECTORY_POLICY).toMatchObject({ regionId: 'WEST-FRIESLAND', version: '2026.2' });
  });

  it('carries the documented defaults (domain.md §4.5, §7.5; decisions.md 1, 5, 6)', () => {
    expect(DEFAULT_TRAJECTORY_POLICY).toMatchObject({
      approvalDeadline: { workingDays: 10 },
      roundTripLimit: 3,
      breakthroughDeadline: { workingDays: 10 },
      breakthroughReminder: { workingDays: 5 },
      providerStartDeadline: { workingDays: 10 },
      signatureDeadline: { workingDays: 5 },
      firstEvaluation: { months: 3 },
      evaluationInterval: { months: 3 },
      intensiveEvaluationInterval: { months: 1 },
      evaluationGrace: { workingDays: 10 },
      highComplexityReassessment: { months: 12 },
      decisionValidity: { highComplexity: { months: 12 }, withoutPlannedEnd: { months: 12 } },
      planExemptionRequestTypes: ['SINGLE_CONSULTATION', 'ONE_OFF_MEDICATION_REVIEW'],
      localTeamRequiredForOutcomes: ['SCALE_UP', 'SCALE_DOWN', 'TERMINATE'],
      localTeamRequiredAtFinalEvaluation: true,
      regionTrajectorySplit: 'WF_RECOVERY',
      paymentPeriods: { P1M: { months: 1 }, P4W: { calendarDays: 28 }, P1Y: { months: 12 } },
      overriddenFields: [],
    });
    // The national holidays by rule (Koningsdag 2026 among them), no days of the region's own.
    expect(DEFAULT_TRAJECTORY_POLICY).toMatchObject({ nationalHolidays: 'NL', holidays: [] });
    expect(isWorkingDay(new Date('2026-04-27T09:00:00Z'), policyHolidays(DEFAULT_TRAJECTORY_POLICY))).toBe(
      false,
    );
  });

  it('survives a JSON round trip unchanged (workflow inputs, continue-as-new)', () => {
    const copy = JSON.parse(JSON.stringify(DEFAULT_TRAJECTORY_POLICY)) as TrajectoryPolicy;
    expect(copy).toEqual(DEFAULT_TRAJECTORY_POLICY);
    expect(validateTrajectoryPolicy(copy)).toEqual([]);
  });

  it('is deeply frozen, so no workflow can change it for the others in the same worker', () => {
    expect(Object.isFrozen(DEFAULT_TRAJECTORY_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TRAJECTORY_POLICY.approvalDeadline)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TRAJECTORY_POLICY.holidays)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TRAJECTORY_POLICY.decisionValidity.highComplexity)).toBe(true);
  });
});

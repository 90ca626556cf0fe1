import { DEFAULT_TRAJECTORY_POLICY, PolicyValidationError, regionPolicy } from '@app/domain';

describe('regionPolicy (decisions.md 1, 2, 7: a region publishes its policy)', () => {
  it('West-Friesland without settings is the product default, to the field', () => {
    expect(
      regionPolicy({
        regionId: 'WEST-FRIESLAND',
        policyVersion: '2026.2',
        paymentSplit: 'WF_RECOVERY',
        holidays: [],
        settings: {},
      }),
    ).toEqual(DEFAULT_TRAJECTORY_POLICY);
  });

  it('takes the region’s split, days off and settings over the defaults', () => {
    const policy = regionPolicy({
      regionId: 'WEST-BRABANT-WEST',
      policyVersion: '2026.1',
      paymentSplit: 'WBW_50_50',
      holidays: ['2026-11-11'],
      settings: { signaturesBeforeApproval: ['CLIENT'], approvalDeadline: { workingDays: 8 } },
    });
    expect(policy).toMatchObject({
      policyId: 'trajectory-policy/WEST-BRABANT-WEST',
      version: '2026.1',
      regionId: 'WEST-BRABANT-WEST',
      regionTrajectorySplit: 'WBW_50_50',
      holidays: ['2026-11-11'],
      signaturesBeforeApproval: ['CLIENT'],
      approvalDeadline: { workingDays: 8 },
      breakthroughDeadline: DEFAULT_TRAJECTORY_POLICY.breakthroughDeadline,
    });
  });

  it('refuses settings that name identity fields or break a policy rule, listing every problem', () => {
    let error: unknown;
    try {
      regionPolicy({
        regionId: 'FRIESLAND',
        policyVersion: '2026.1',
        paymentSplit: 'FRIESLAND_70_30',
        holidays: ['not-a-date'],
        settings: { regionTrajectorySplit: 'WBW_50_50', approvalDeadline: { weeks: -1 } },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyValidationError);
    const problems = (error as PolicyValidationError).problems.join('\n');
    expect(problems).toContain('settings.regionTrajectorySplit');
    expect(problems).toContain('approvalDeadline');
    expect(problems).toContain('holidays');
  });
});

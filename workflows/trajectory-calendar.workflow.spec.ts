import { useTrajectoryKit } from '../test/support/kit-suite';
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * The region's calendar in a running trajectory: the national holidays by rule, so deadlines are right in any
 * year, not only in the years a list once covered (policy version 2026.1 ended in 2027).
 */
jest.setTimeout(90_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'calendar', 'cal');

describe('the working-day calendar of a trajectory (domain.md §4.5, §7.5)', () => {
  it('the holiday calendar of 2031 has Easter Monday and King’s Day right', async () => {
    // Thursday 10 April 2031, 10:00 in Amsterdam. Good Friday (11th) and Easter Monday (14th) are holidays;
    // Koningsdag is Saturday 26 April because 27 April 2031 is a Sunday, so Monday 28 April is a working day.
    await suite.bed.sleepUntil('2031-04-10T08:00:00.000Z', 0);
    const t = await suite.kit.submitted();
    await suite.kit.signAll(t);
    const { plan, approvalClock } = await t.state();
    expect(plan!.submittedAt.slice(0, 10)).toBe('2031-04-10');
    // Working days 15-18, 22-25 April and 28 April: ten, so the deadline is Monday 28 April at the same time.
    expect(approvalClock!.deadlineAt.slice(0, 10)).toBe('2031-04-28');
    expect(approvalClock!.deadlineAt.slice(10)).toBe(plan!.submittedAt.slice(10));

    await suite.bed.sleepUntil('2031-04-27T12:00:00.000Z', 0);
    expect((await t.view()).status).toBe('AWAITING_APPROVAL');
    await suite.bed.sleepUntil(approvalClock!.deadlineAt);
    expect(await t.until((v) => v.status === 'ESCALATED')).toMatchObject({
      openEscalation: { trigger: 'APPROVAL_SLA_EXCEEDED' },
    });
  });
});

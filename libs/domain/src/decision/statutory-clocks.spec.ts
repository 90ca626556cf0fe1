import {
  applyDueTimers,
  nextDeadline,
  resolvePolicyDeadline,
  statutoryClocks,
  trajectoryView,
} from '@app/domain';
import type { TrajectoryEffect } from '@app/domain';
import { created, decided, LT, policy, rules1, run, submitted, T0 } from '../../testing/trajectory-fixtures';

const inDays = (iso: string, calendarDays: number) =>
  resolvePolicyDeadline(policy(), new Date(iso), { calendarDays }).toISOString();

describe('statutory clocks (Wmo 2015 art. 2.3.2 / 2.3.5, Awb art. 4:13)', () => {
  it('youth care: 8 weeks from the application (intake) to the first decision', () => {
    const intake = created();
    expect(statutoryClocks(intake)).toEqual([
      {
        kind: 'JEUGD_DECISION',
        law: 'Awb art. 4:13 lid 2',
        startedAt: T0.toISOString(),
        deadlineAt: inDays(T0.toISOString(), 56),
      },
    ]);
    const approved = decided();
    expect(statutoryClocks(approved)[0].stoppedAt).toBe(approved.decisions[0].decisionDate);
  });

  it('Wmo: 6 weeks of research from the melding, then 2 weeks to decide from the aanvraag', () => {
    const intake = created({ domain: 'WMO' });
    expect(statutoryClocks(intake).map((c) => [c.kind, c.deadlineAt])).toEqual([
      ['WMO_RESEARCH', inDays(T0.toISOString(), 42)],
    ]);
    const applied = submitted({ domain: 'WMO' });
    const [research, decision] = statutoryClocks(applied);
    expect(research).toMatchObject({ kind: 'WMO_RESEARCH', stoppedAt: applied.firstSubmittedAt });
    expect(decision).toEqual({
      kind: 'WMO_DECISION',
      law: 'Wmo 2015 art. 2.3.5 lid 1',
      startedAt: applied.firstSubmittedAt,
      deadlineAt: inDays(applied.firstSubmittedAt!, 14),
    });
    // A rejection is a decision too: it stops the clock.
    const rejected = run(
      applied,
      [{ type: 'rejectPlan', actor: LT, planVersion: 1, reasonCode: 'SEGMENT_FIT' }],
      T0,
    ).state;
    expect(statutoryClocks(rejected).every((c) => c.stoppedAt !== undefined)).toBe(true);
  });

  it('rules 1 (trajectories begun before issue 14) have none', () => {
    expect(statutoryClocks(rules1(created()))).toEqual([]);
  });

  it('reminds the local team a working week before the lapse, then notices: never a decision', () => {
    const state0 = run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state;
    const deadline = statutoryClocks(state0)[0].deadlineAt;
    // The workflow wakes at each next deadline in turn; so does this loop.
    let after = { state: state0, effects: [] as TrajectoryEffect[] };
    for (
      let next = nextDeadline(state0);
      next !== undefined && next <= deadline;
      next = nextDeadline(after.state)
    ) {
      const step = applyDueTimers(after.state, new Date(next));
      after = { state: step.state, effects: [...after.effects, ...step.effects] };
    }
    const statutory = after.effects.filter(
      (e) => e.kind === 'AUDIT' && (e.details as { wait?: string }).wait === 'JEUGD_DECISION',
    );
    expect(statutory.map((e) => (e as { type: string }).type)).toEqual(['REMINDER_SENT', 'WAIT_OVERDUE']);
    expect(after.state.status).toBe('DRAFTING');
    expect(after.state.decisions).toEqual([]);
    const view = trajectoryView(after.state, new Date(Date.parse(deadline) + 1000));
    expect(view.statutoryClocks[0]).toMatchObject({ lapsed: true });
    expect(view.deadlines.statutoryDeadline).toBe(deadline);
  });
});

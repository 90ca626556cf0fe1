import { applyCommand, applyDueTimers, nextDeadline } from '@app/domain';
import type { TrajectoryState } from '@app/domain';
import {
  active as activeNow,
  at,
  decided as decidedNow,
  effectsOf,
  evaluation,
  LT,
  MONTHLY,
  planDraft,
  PROVIDER,
  roundTrip,
  rules1,
  submitted as submittedNow,
  T0,
} from '../../testing/trajectory-fixtures';

/*
 * The lifecycle's own timers, as rules 1 runs them: without the reminders and deadlines of the waits
 * between them (trajectory-waits.spec.ts covers those), so each spec sees its timer as the next deadline.
 */
const submitted = (...args: Parameters<typeof submittedNow>) => rules1(submittedNow(...args));
const decided = (...args: Parameters<typeof decidedNow>) => rules1(decidedNow(...args));
const active = (...args: Parameters<typeof activeNow>) => rules1(activeNow(...args));

/** Runs the timers as the shell would: sleep until nextDeadline, apply, repeat until `until`. */
function sleepUntil(
  state: TrajectoryState,
  until: Date,
): { state: TrajectoryState; effects: ReturnType<typeof applyDueTimers>['effects'] } {
  let current = state;
  const effects: ReturnType<typeof applyDueTimers>['effects'] = [];
  for (let i = 0; i < 500; i += 1) {
    const next = nextDeadline(current);
    if (next === undefined || next > until.toISOString()) break;
    const step = applyDueTimers(current, new Date(next));
    expect(nextDeadline(step.state) === undefined || nextDeadline(step.state)! > next).toBe(true);
    current = step.state;
    effects.push(...step.effects);
  }
  return { state: current, effects };
}

describe('approval deadline (domain.md §4.5: 10 working days per plan version)', () => {
  it('is the next deadline, counted in working days around King’s Day and Liberation Day', () => {
    expect(nextDeadline(submitted())).toBe('2026-05-06T08:00:00.000Z');
  });

  it('does nothing a minute before the deadline', () => {
    const state = submitted();
    const result = applyDueTimers(state, at('2026-05-06T07:59:00.000Z'));
    expect(result.effects).toEqual([]);
    expect(result.state).toEqual(state);
  });

  it('escalates APPROVAL_SLA_EXCEEDED at the deadline and pauses the approval clock', () => {
    const { state, effects } = applyDueTimers(submitted(), at('2026-05-06T08:00:00.000Z'));
    expect(state.status).toBe('ESCALATED');
    expect(state.approvalClock?.pausedAt).toBe('2026-05-06T08:00:00.000Z');
    expect(state.rounds[0].decision).toBe('ESCALATED');
    const [docket] = effectsOf(effects, 'START_BREAKTHROUGH').map((e) => e.docket);
    expect(docket).toMatchObject({
      trigger: 'APPROVAL_SLA_EXCEEDED',
      context: 'PLAN',
      // 21–24 April, 28–30 April, 1, 4 and 6 May: ten working days waited.
      workingDaysWaiting: 10,
      calendarDaysWaiting: 16,
      raisedBy: { role: 'SYSTEM', ref: 'trajectory-timers' },
    });
    expect(nextDeadline(state)).toBeUndefined();
  });
});

describe('provider start (domain.md §4.5, P04)', () => {
  it('escalates PROVIDER_NOT_STARTING 10 working days after the decision', () => {
    const state0 = decided();
    expect(nextDeadline(state0)).toBe('2026-05-06T08:00:00.000Z');
    const { state, effects } = applyDueTimers(state0, at('2026-05-06T09:00:00.000Z'));
    expect(state.status).toBe('ESCALATED');
    expect(state.escalations[0]).toMatchObject({
      trigger: 'PROVIDER_NOT_STARTING',
      context: 'START',
      fromStatus: 'DECIDED',
    });
    expect(state.providerStartDeadlineAt).toBeUndefined();
    expect(effectsOf(effects, 'START_BREAKTHROUGH')[0].docket).toMatchObject({
      decisionVersion: 1,
      waitingSince: T0.toISOString(),
    });
  });

  it('a late start withdraws the PROVIDER_NOT_STARTING case', () => {
    const escalated = applyDueTimers(decided(), at('2026-05-06T09:00:00.000Z')).state;
    const { state, effects } = applyCommand(
      escalated,
      { type: 'confirmStart', actor: PROVIDER },
      at('2026-05-07T09:00:00.000Z'),
    );
    expect(state.status).toBe('ACTIVE');
    expect(effectsOf(effects, 'WITHDRAW_BREAKTHROUGH')).toEqual([
      expect.objectContaining({ escalationId: 'traj-0417-esc-1', reason: 'PROVIDER_STARTED' }),
    ]);
    expect(state.escalations[0].status).toBe('WITHDRAWN');
  });
});

describe('evaluations (domain.md §7.5)', () => {
  it('flags evaluationDue three months after the start, then evaluationOverdue after the grace', () => {
    const state0 = active();
    expect(state0.care.nextEvaluationAt).toBe('2026-07-20T08:00:00.000Z');
    const due = applyDueTimers(state0, at('2026-07-20T08:00:00.000Z'));
    expect(due.state.care).toMatchObject({ evaluationDue: true, evaluationOverdue: false });
    expect(effectsOf(due.effects, 'NOTIFY').map((n) => n.topic)).toEqual(['EVALUATION_DUE']);
    // 10 working days after Monday 20 July.
    expect(nextDeadline(due.state)).toBe('2026-08-03T08:00:00.000Z');
    const overdue = applyDueTimers(due.state, at('2026-08-03T08:00:00.000Z'));
    expect(overdue.state.care.evaluationOverdue).toBe(true);
    expect(effectsOf(overdue.effects, 'AUDIT').map((a) => a.type)).toEqual(['EVALUATION_OVERDUE']);
  });

  it('applies both flags in order when the workflow wakes late', () => {
    const { state, effects } = applyDueTimers(active(), at('2026-09-01T00:00:00.000Z'));
    expect(state.care).toMatchObject({ evaluationDue: true, evaluationOverdue: true });
    expect(effectsOf(effects, 'AUDIT').map((a) => a.type)).toEqual(['EVALUATION_DUE', 'EVALUATION_OVERDUE']);
  });

  it('uses the shorter interval for an intensive indication (R-TIME-04)', () => {
    expect(active({ intensive: true }).care.nextEvaluationAt).toBe('2026-05-20T08:00:00.000Z');
  });

  it('uses the per-trajectory frequency when set (R-TIME-05)', () => {
    expect(active({ evaluationIntervalOverride: { months: 2 } }).care.nextEvaluationAt).toBe(
      '2026-06-20T08:00:00.000Z',
    );
  });

  it('a CONTINUE evaluation clears the flags and schedules the next one', () => {
    const overdue = applyDueTimers(active(), at('2026-09-01T08:00:00.000Z')).state;
    const { state } = applyCommand(
      overdue,
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation() },
      at('2026-09-01T08:00:00.000Z'),
    );
    expect(state.care).toMatchObject({
      evaluationDue: false,
      evaluationOverdue: false,
      nextEvaluationAt: '2026-12-01T09:00:00.000Z',
    });
    expect(state.evaluations[0]).toMatchObject({
      type: 'PERIODIC',
      dueAt: '2026-07-20T08:00:00.000Z',
      number: 1,
    });
  });
});

describe('reassessment (R-TIME-02) and decision validity', () => {
  it('moves a high-complexity trajectory to REASSESSMENT when its one-year decision ends', () => {
    const state0 = active({ complexity: 'HIGH' });
    expect(state0.care.reassessmentAt).toBe('2027-04-20T08:00:00.000Z');
    expect(state0.decisions[0].validTo).toBe('2027-04-20T08:00:00.000Z');
    const { state, effects } = sleepUntil(state0, at('2027-04-20T08:00:00.000Z'));
    expect(state.status).toBe('REASSESSMENT');
    expect(state.reassessment?.since).toBe('2027-04-20T08:00:00.000Z');
    expect(effectsOf(effects, 'AUDIT').map((a) => a.type)).toContain('REASSESSMENT_STARTED');
  });

  it('moves to REASSESSMENT at the plan’s planned end (decision validTo)', () => {
    const state0 = active({}, planDraft({ plannedEndAt: '2026-10-01T08:00:00Z' }));
    expect(state0.decisions[0].validTo).toBe('2026-10-01T08:00:00.000Z');
    const late = applyDueTimers(state0, at('2026-10-01T08:00:00.000Z'));
    expect(late.state.status).toBe('REASSESSMENT');
    expect(late.state.reassessment?.reason).toBe('DECISION_VALIDITY_ENDED');
  });

  it('renewIndication returns to ACTIVE with decision v2 continuing the expired one', () => {
    const state0 = applyDueTimers(active({ complexity: 'HIGH' }), at('2027-04-20T08:00:00.000Z')).state;
    const { state, effects } = applyCommand(
      state0,
      { type: 'renewIndication', actor: LT },
      at('2027-04-22T08:00:00.000Z'),
    );
    expect(state.status).toBe('ACTIVE');
    expect(state.decisions[1]).toMatchObject({
      version: 2,
      cause: 'RENEWAL',
      validFrom: '2027-04-20T08:00:00.000Z',
      validTo: '2028-04-20T08:00:00.000Z',
    });
    expect(state.care.reassessmentAt).toBe('2028-04-20T08:00:00.000Z');
    expect(effectsOf(effects, 'ISSUE_DECISION')).toHaveLength(1);
    // Same tariff under a trajectory price: no money moves (domain.md §7.8).
    expect(effectsOf(effects, 'PAYMENT')).toEqual([]);
  });

  it('closes DECISION_EXPIRED when the local team does not renew within its decision time (DEFAULT)', () => {
    const state0 = applyDueTimers(active({ complexity: 'HIGH' }), at('2027-04-20T08:00:00.000Z')).state;
    // 20 April 2027 + 10 working days, skipping King's Day, 5 and 6 May 2027.
    expect(nextDeadline(state0)).toBe('2027-05-07T08:00:00.000Z');
    const { state, effects } = applyDueTimers(state0, at('2027-05-07T08:00:00.000Z'));
    expect(state.closure?.reason).toBe('DECISION_EXPIRED');
    // WF_RECOVERY pays the final third only after completion per plan (R-PAY-01).
    expect(effectsOf(effects, 'CANCEL_PAYMENT')).toEqual([
      expect.objectContaining({ reason: 'NOT_COMPLETED_PER_PLAN', idempotencyKey: 'traj-0417:FINAL:1' }),
    ]);
  });
});

describe('period payments (domain.md §7.5, §7.7)', () => {
  const wmo = { domain: 'WMO' as const, segment: 'B' as const };
  const monthlyPlan = planDraft({ arrangement: MONTHLY, intensityProposedBy: 'MUNICIPALITY' });

  it('MONTHLY pays period 1 at the start and each month at the boundary', () => {
    const state0 = active(wmo, monthlyPlan);
    expect(state0.payments).toEqual([
      expect.objectContaining({ idempotencyKey: 'traj-0417:PERIOD:1:1', amountCents: 85_000 }),
    ]);
    expect(nextDeadline(state0)).toBe('2026-05-20T08:00:00.000Z');
    const { state, effects } = sleepUntil(state0, at('2026-08-20T08:00:00.000Z'));
    expect(
      effectsOf(effects, 'PAYMENT').map((p) => [p.idempotencyKey, p.tranche.amountCents, p.dueAt]),
    ).toEqual([
      ['traj-0417:PERIOD:1:2', 85_000, '2026-05-20T08:00:00.000Z'],
      ['traj-0417:PERIOD:1:3', 85_000, '2026-06-20T08:00:00.000Z'],
      ['traj-0417:PERIOD:1:4', 85_000, '2026-07-20T08:00:00.000Z'],
      ['traj-0417:PERIOD:1:5', 85_000, '2026-08-20T08:00:00.000Z'],
    ]);
    expect(state.periodSchedule?.nextPeriod).toBe(6);
    expect(state0.decisions[0].totalBudgetCents).toBe(12 * 85_000);
  });

  it('PERIOD_4W_BLOCKS pays every 28 days', () => {
    const fourWeeks = {
      ...MONTHLY,
      code: 'WMO-RG-2',
      pricingBasis: 'PER_4_WEEKS' as const,
      periodLength: 'P4W' as const,
      tariffCents: 61_000,
    };
    const state0 = active(wmo, planDraft({ arrangement: fourWeeks, intensityProposedBy: 'LOCAL_TEAM' }));
    const { effects } = sleepUntil(state0, at('2026-06-16T08:00:00.000Z'));
    expect(effectsOf(effects, 'PAYMENT').map((p) => p.dueAt)).toEqual([
      '2026-05-18T08:00:00.000Z',
      '2026-06-15T08:00:00.000Z',
    ]);
  });

  it('ANNUAL_HIGH_COMPLEX pays the yearly price in 12 instalments that add up to the cent', () => {
    const annual = {
      code: 'JGD-C-HC',
      tariffCents: 10_000_001,
      pricingBasis: 'PER_YEAR_AVERAGE' as const,
      periodLength: 'P1Y' as const,
      trajectoryType: 'ANNUAL_HIGH_COMPLEX' as const,
    };
    const state0 = active({ segment: 'C', complexity: 'HIGH' }, planDraft({ arrangement: annual }));
    const { state } = sleepUntil(state0, at('2027-04-19T00:00:00.000Z'));
    const paid = state.payments.filter((p) => p.kind === 'ANNUAL');
    expect(paid).toHaveLength(12);
    expect(paid.reduce((sum, p) => sum + p.amountCents, 0)).toBe(10_000_001);
    expect(paid[11].idempotencyKey).toBe('traj-0417:ANNUAL:1:12');
  });

  it('stops paying periods once the decision has run out, until it is renewed', () => {
    const state0 = active(
      wmo,
      planDraft({
        arrangement: MONTHLY,
        intensityProposedBy: 'MUNICIPALITY',
        plannedEndAt: '2026-07-01T08:00:00Z',
      }),
    );
    const ran = sleepUntil(state0, at('2026-07-09T00:00:00.000Z'));
    expect(ran.state.status).toBe('REASSESSMENT');
    expect(ran.state.payments.map((p) => p.period)).toEqual([1, 2, 3]);
    const renewed = applyCommand(
      ran.state,
      { type: 'renewIndication', actor: LT },
      at('2026-07-10T08:00:00.000Z'),
    );
    const caught = sleepUntil(renewed.state, at('2026-07-21T00:00:00.000Z'));
    // Period 4 began on 20 July, under the renewal that continues the decision from 1 July.
    expect(caught.state.payments.map((p) => [p.period, p.decisionVersion])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
    ]);
  });
});

describe('nextDeadline and applyDueTimers agree', () => {
  it('every wake-up at nextDeadline makes progress, and the state survives JSON at every step', () => {
    let state = active(
      { complexity: 'HIGH', domain: 'WMO' },
      planDraft({ arrangement: MONTHLY, intensityProposedBy: 'MUNICIPALITY' }),
    );
    for (let i = 0; i < 40; i += 1) {
      const next = nextDeadline(state);
      if (next === undefined) break;
      const step = applyDueTimers(roundTrip(state), new Date(next));
      expect(step.effects.length).toBeGreaterThan(0);
      state = roundTrip(step.state);
    }
    expect(state.status).toBe('CLOSED');
  });
});

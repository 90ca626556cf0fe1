import { applyCommand, applyDueTimers } from '@app/domain';
import type { TrajectoryCommand } from '@app/domain';
import {
  active,
  at,
  effectsOf,
  evaluation,
  LT,
  planDraft,
  PROVIDER,
  RECOVERY_HEAVY,
  RECOVERY_LIGHT,
  MONTHLY,
  rejection,
  run,
} from '../../testing/trajectory-fixtures';

const LATER = at('2026-07-21T08:00:00.000Z');

describe('scaling (domain.md §3.8, §7.8)', () => {
  const up: TrajectoryCommand = {
    type: 'requestArrangementChange',
    actor: PROVIDER,
    arrangement: RECOVERY_HEAVY,
    reasonCode: 'RESULTS_NOT_MET',
  };

  it('a request runs the approval loop with its own 10-working-day deadline', () => {
    const { state } = applyCommand(active(), up, LATER);
    expect(state.pendingChange).toMatchObject({
      id: 'traj-0417-chg-1',
      direction: 'UP',
      round: 1,
      status: 'SUBMITTED',
      deadlineAt: '2026-08-04T08:00:00.000Z',
    });
  });

  it('an approved scale-up issues decision v2 and pays the adjustment now (§7.8)', () => {
    const requested = applyCommand(active(), up, LATER).state;
    const { state, effects } = applyCommand(
      requested,
      { type: 'decideArrangementChange', actor: LT, changeId: 'traj-0417-chg-1', decision: 'APPROVE' },
      LATER,
    );
    expect(state.pendingChange).toBeUndefined();
    expect(effectsOf(effects, 'ISSUE_DECISION')[0].decision).toMatchObject({
      version: 2,
      cause: 'SCALING',
      validTo: state.decisions[0].validTo,
    });
    // 2/3 of 12,000 − 6,000 paid = 2,000 euro.
    expect(effectsOf(effects, 'PAYMENT')).toEqual([
      expect.objectContaining({
        idempotencyKey: 'traj-0417:ADJUSTMENT:2:1',
        tranche: expect.objectContaining({ amountCents: 200_000 }),
      }),
    ]);
  });

  it('an approved scale-down reclaims nothing and cancels a final with nothing left to pay', () => {
    const down: TrajectoryCommand = { ...up, arrangement: RECOVERY_LIGHT } as TrajectoryCommand;
    const scaled = run(
      active(),
      [
        down,
        { type: 'decideArrangementChange', actor: LT, changeId: 'traj-0417-chg-1', decision: 'APPROVE' },
      ],
      LATER,
    );
    expect(effectsOf(scaled.effects, 'PAYMENT')).toEqual([]);
    const closed = applyCommand(
      scaled.state,
      { type: 'confirmCompletion', actor: LT, finalEvaluation: evaluation({ outcome: 'COMPLETE' }) },
      LATER,
    );
    expect(effectsOf(closed.effects, 'CANCEL_PAYMENT')[0]).toMatchObject({
      reason: 'NOTHING_LEFT_TO_PAY',
      decisionVersion: 2,
    });
  });

  it('returning a change at the round-trip limit escalates it; care stays ACTIVE', () => {
    const back: TrajectoryCommand = {
      type: 'decideArrangementChange',
      actor: LT,
      changeId: 'traj-0417-chg-1',
      decision: 'REQUEST_CHANGES',
      reasonCode: 'TARIFF_OR_INTENSITY',
    };
    const { state, effects } = run(active(), [up, back, up, back, up, back], LATER);
    expect(state.status).toBe('ACTIVE');
    expect(state.pendingChange).toMatchObject({ status: 'ESCALATED', round: 3 });
    expect(state.escalations[0]).toMatchObject({
      trigger: 'ROUND_TRIP_LIMIT',
      context: 'SCALING',
      changeId: 'traj-0417-chg-1',
    });
    expect(effectsOf(effects, 'START_BREAKTHROUGH')[0].docket).toMatchObject({
      askedArrangement: RECOVERY_HEAVY,
      roundCount: 3,
    });
  });

  it('the change deadline escalates APPROVAL_SLA_EXCEEDED in the SCALING context', () => {
    const requested = applyCommand(active(), up, LATER).state;
    const { state } = applyDueTimers(requested, at('2026-08-04T08:00:00.000Z'));
    expect(state.escalations[0]).toMatchObject({ trigger: 'APPROVAL_SLA_EXCEEDED', context: 'SCALING' });
    expect(state.status).toBe('ACTIVE');
  });

  it('REJECT drops the change and the scaling flag', () => {
    const { state } = run(
      active(),
      [
        up,
        {
          type: 'decideArrangementChange',
          actor: LT,
          changeId: 'traj-0417-chg-1',
          decision: 'REJECT',
          reasonCode: 'SEGMENT_FIT',
        },
      ],
      LATER,
    );
    expect(state.pendingChange).toBeUndefined();
    expect(state.decisions).toHaveLength(1);
  });

  it.each([
    [
      'a Wmo provider asking for a change (R-ROLE-02)',
      { domain: 'WMO' as const },
      { actor: PROVIDER },
      'actor.role',
    ],
    ['the current arrangement', {}, { arrangement: planDraft().arrangement }, 'arrangement'],
    [
      'another pricing basis after the start',
      {},
      { arrangement: { ...RECOVERY_HEAVY, pricingBasis: 'PER_MONTH' as const } },
      'arrangement.pricingBasis',
    ],
  ])('refuses %s (422)', (_name, startOverrides, commandOverrides, field) => {
    const wmo = (startOverrides as { domain?: string }).domain === 'WMO';
    const plan = wmo ? planDraft({ intensityProposedBy: 'MUNICIPALITY' }) : planDraft();
    const error = rejection(() =>
      applyCommand(active(startOverrides, plan), { ...up, ...commandOverrides } as TrajectoryCommand, LATER),
    );
    expect(error.violations.map((v) => v.field)).toContain(field);
  });

  it('refuses a decision on another change id, and a second request while one is pending', () => {
    const requested = applyCommand(active(), up, LATER).state;
    const wrong = rejection(() =>
      applyCommand(
        requested,
        { type: 'decideArrangementChange', actor: LT, changeId: 'x', decision: 'APPROVE' },
        LATER,
      ),
    );
    expect(wrong.violations.map((v) => v.field)).toEqual(['changeId']);
    const twice = rejection(() => applyCommand(requested, up, LATER));
    expect(twice.code).toBe('INVALID_TRANSITION');
  });

  it('a period price changes from the next period boundary, never with an adjustment (§7.8)', () => {
    const wmo = active(
      { domain: 'WMO' },
      planDraft({ arrangement: MONTHLY, intensityProposedBy: 'MUNICIPALITY' }),
    );
    const more = { ...MONTHLY, code: 'WMO-DUURZAAM-C', tariffCents: 95_000 };
    const scaled = run(
      wmo,
      [
        { type: 'requestArrangementChange', actor: LT, arrangement: more, reasonCode: 'MORE_SUPPORT' },
        { type: 'decideArrangementChange', actor: LT, changeId: 'traj-0417-chg-1', decision: 'APPROVE' },
      ],
      at('2026-05-06T08:00:00.000Z'),
    );
    expect(effectsOf(scaled.effects, 'PAYMENT')).toEqual([]);
    const { effects } = applyDueTimers(scaled.state, at('2026-05-20T08:00:00.000Z'));
    expect(effectsOf(effects, 'PAYMENT').map((p) => [p.idempotencyKey, p.tranche.amountCents])).toEqual([
      ['traj-0417:PERIOD:2:2', 95_000],
    ]);
  });
});

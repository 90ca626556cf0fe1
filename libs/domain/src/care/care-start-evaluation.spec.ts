import { applyCommand } from '@app/domain';
import {
  active,
  at,
  decided,
  effectsOf,
  evaluation,
  LT,
  PROVIDER,
  rejection,
  T0,
  rules1,
} from '../../testing/trajectory-fixtures';

const LATER = at('2026-07-21T08:00:00.000Z');

describe('confirmStart (domain.md §7.4 DECIDED → ACTIVE)', () => {
  it('pays the initial 2/3 of the tariff under WF_RECOVERY (R-PAY-01) and schedules the first evaluation', () => {
    const { state, effects } = applyCommand(decided(), { type: 'confirmStart', actor: PROVIDER }, T0);
    expect(state.status).toBe('ACTIVE');
    expect(state.startedAt).toBe(T0.toISOString());
    expect(effectsOf(effects, 'PAYMENT')).toEqual([
      {
        kind: 'PAYMENT',
        trajectoryId: 'traj-0417',
        idempotencyKey: 'traj-0417:INITIAL:1',
        tranche: expect.objectContaining({ kind: 'INITIAL', amountCents: 600_000, decisionVersion: 1 }),
        dueAt: T0.toISOString(),
        decisionVersion: 1,
      },
    ]);
    expect(state.care.nextEvaluationAt).toBe('2026-07-20T08:00:00.000Z');
    expect(state.care.reassessmentAt).toBeUndefined();
  });

  it('accepts a start reported a day late, but not one before the decision or in the future', () => {
    const late = applyCommand(
      decided(),
      { type: 'confirmStart', actor: PROVIDER, startedAt: T0.toISOString() },
      at('2026-04-21T08:00:00Z'),
    );
    expect(late.state.startedAt).toBe(T0.toISOString());
    for (const startedAt of ['2026-04-19T08:00:00Z', '2026-04-25T08:00:00Z']) {
      const error = rejection(() =>
        applyCommand(
          decided(),
          { type: 'confirmStart', actor: PROVIDER, startedAt },
          at('2026-04-21T08:00:00Z'),
        ),
      );
      expect(error.violations.map((v) => v.field)).toEqual(['startedAt']);
    }
  });

  it('only the provider confirms the start (§3.7)', () => {
    const error = rejection(() => applyCommand(decided(), { type: 'confirmStart', actor: LT }, T0));
    expect(error).toMatchObject({
      code: 'DOMAIN_RULE_VIOLATION',
      currentStatus: 'DECIDED',
      violations: [expect.objectContaining({ field: 'actor.role' })],
    });
  });

  it('refuses to start on an expired decision', () => {
    const error = rejection(() =>
      applyCommand(decided(), { type: 'confirmStart', actor: PROVIDER }, at('2027-05-01T08:00:00Z')),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['decision']);
  });
});

describe('recordEvaluation (domain.md §7.4, P15, decisions.md 5)', () => {
  it.each([
    [
      'a missing result',
      { resultAssessments: [{ resultId: 'r1', attainment: 'ACHIEVED' as const }] },
      'evaluation.resultAssessments',
    ],
    [
      'an unknown result',
      {
        resultAssessments: [
          ...evaluation().resultAssessments,
          { resultId: 'r9', attainment: 'ACHIEVED' as const },
        ],
      },
      'evaluation.resultAssessments[2].resultId',
    ],
    ['no satisfaction answer', { clientSatisfaction: 'MAYBE' as never }, 'evaluation.clientSatisfaction'],
  ])('refuses %s (422)', (_name, overrides, field) => {
    const error = rejection(() =>
      applyCommand(
        active(),
        { type: 'recordEvaluation', actor: PROVIDER, evaluation: evaluation(overrides) },
        LATER,
      ),
    );
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.violations.map((v) => v.field)).toContain(field);
  });

  // Rules 1 (replayed trajectories begun before issue 14) took the caller's flag; rules 2 make a provider's
  // such evaluation a proposal instead (evaluation-proposal.spec.ts).
  it.each([
    ['scaling without the local team', { outcome: 'SCALE_UP' as const, localTeamParticipated: false }],
    ['terminating without the local team', { outcome: 'TERMINATE' as const, localTeamParticipated: false }],
    [
      'the final evaluation without the local team',
      { outcome: 'COMPLETE' as const, localTeamParticipated: false },
    ],
  ])('rules 1: refuses %s (422)', (_name, overrides) => {
    const error = rejection(() =>
      applyCommand(
        rules1(active()),
        { type: 'recordEvaluation', actor: PROVIDER, evaluation: evaluation(overrides) },
        LATER,
      ),
    );
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.violations.map((v) => v.field)).toContain('evaluation.localTeamParticipated');
  });

  it('records a CONTINUE evaluation without the local team, as an indicator (decisions.md 5)', () => {
    const { state } = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: PROVIDER, evaluation: evaluation({ localTeamParticipated: false }) },
      LATER,
    );
    expect(state.evaluations[0]).toMatchObject({
      localTeamParticipated: false,
      type: 'INTERIM_REQUESTED',
      outcome: 'CONTINUE',
    });
    expect(state.status).toBe('ACTIVE');
  });

  it('SCALE_UP sets scalingPending and waits for an arrangement change', () => {
    const { state, effects } = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'SCALE_UP' }) },
      LATER,
    );
    expect(state.status).toBe('ACTIVE');
    expect(state.scalingAsked).toEqual({ direction: 'UP', since: LATER.toISOString(), evaluationNumber: 1 });
    expect(effectsOf(effects, 'NOTIFY')[0]).toMatchObject({
      topic: 'ARRANGEMENT_CHANGE_REQUESTED',
      audience: 'PROVIDER',
    });
  });

  it('COMPLETE passes COMPLETING and closes COMPLETED_PER_PLAN with the final third (R-PAY-01)', () => {
    const final = evaluation({
      outcome: 'COMPLETE',
      resultAssessments: [
        { resultId: 'r1', attainment: 'ACHIEVED' },
        { resultId: 'r2', attainment: 'PARTIAL' },
      ],
    });
    const { state, effects } = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: final },
      LATER,
    );
    expect(state.status).toBe('CLOSED');
    expect(effectsOf(effects, 'AUDIT').map((a) => a.type)).toEqual([
      'EVALUATION_RECORDED',
      'COMPLETION_CONFIRMED',
      'TRAJECTORY_CLOSED',
    ]);
    expect(effectsOf(effects, 'PAYMENT')).toEqual([
      expect.objectContaining({
        idempotencyKey: 'traj-0417:FINAL:1',
        tranche: expect.objectContaining({ kind: 'FINAL', amountCents: 300_000 }),
      }),
    ]);
    expect(effectsOf(effects, 'CLOSED')[0].outcome).toEqual({
      dropout: false,
      goalAttainment: 0.75,
      achievedResults: 1,
      partialResults: 1,
      totalResults: 2,
      clientSatisfaction: 'POSITIVE',
      localTeamParticipated: true,
    });
  });

  it('TERMINATE closes as EARLY_DROPOUT and cancels the final tranche (R-END-01)', () => {
    const { state, effects } = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'TERMINATE' }) },
      LATER,
    );
    expect(state.closure).toMatchObject({
      reason: 'EARLY_DROPOUT',
      outcome: { dropout: true, goalAttainment: 0.25 },
    });
    expect(effectsOf(effects, 'CANCEL_PAYMENT')).toEqual([
      expect.objectContaining({ idempotencyKey: 'traj-0417:FINAL:1', reason: 'EARLY_DROPOUT' }),
    ]);
    expect(effectsOf(effects, 'PAYMENT')).toEqual([]);
  });

  it('REASSESS moves to REASSESSMENT and pauses the evaluations', () => {
    const { state } = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'REASSESS' }) },
      LATER,
    );
    expect(state.status).toBe('REASSESSMENT');
    expect(state.care.nextEvaluationAt).toBeUndefined();
    expect(state.reassessment).toEqual({ reason: 'EVALUATION', since: LATER.toISOString() });
  });
});

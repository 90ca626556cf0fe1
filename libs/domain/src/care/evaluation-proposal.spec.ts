import { applyCommand, applyDueTimers, nextDeadline, trajectoryView } from '@app/domain';
import type { TrajectoryState } from '@app/domain';
import {
  ACHIEVED,
  active,
  at,
  effectsOf,
  evaluation,
  LT,
  PROVIDER,
  rejection,
} from '../../testing/trajectory-fixtures';

const LATER = at('2026-07-21T08:00:00.000Z');

/** A provider's evaluation with a self-ticked "the local team took part": once a flag, now only a proposal. */
function proposed(outcome: 'COMPLETE' | 'TERMINATE' | 'SCALE_UP'): TrajectoryState {
  const input = outcome === 'COMPLETE' ? ACHIEVED : evaluation({ outcome });
  return applyCommand(
    active(),
    { type: 'recordEvaluation', actor: PROVIDER, evaluation: { ...input, localTeamParticipated: true } },
    LATER,
  ).state;
}

describe('a provider’s evaluation that closes a trajectory or moves money is a proposal (rules 2, decisions.md 5)', () => {
  it.each(['COMPLETE', 'TERMINATE', 'SCALE_UP'] as const)(
    '%s by the provider does not close, pay or scale until the local team confirms',
    (outcome) => {
      const { state, effects } = applyCommand(
        active(),
        {
          type: 'recordEvaluation',
          actor: PROVIDER,
          evaluation: {
            ...(outcome === 'COMPLETE' ? ACHIEVED : evaluation({ outcome })),
            localTeamParticipated: true,
          },
        },
        LATER,
      );
      expect(state.status).toBe('ACTIVE');
      expect(state.evaluations).toEqual([]);
      expect(state.scalingAsked).toBeUndefined();
      expect(state.evaluationProposal).toMatchObject({ proposedByRef: PROVIDER.ref, input: { outcome } });
      expect(effectsOf(effects, 'PAYMENT')).toEqual([]);
      expect(effectsOf(effects, 'NOTIFY')).toEqual([
        expect.objectContaining({ topic: 'EVALUATION_PROPOSED', audience: 'LOCAL_TEAM' }),
      ]);
      const view = trajectoryView(state, LATER);
      expect(view.allowedActions).toContain('decideEvaluationProposal');
      expect(view.allowedActions).not.toContain('recordEvaluation');
      expect(view.blocking).toContainEqual(
        expect.objectContaining({ party: 'LOCAL_TEAM', reason: 'EVALUATION_PROPOSAL' }),
      );
    },
  );

  it('confirmed by the local team: completion, the final payment, and the local team’s participation as a fact', () => {
    const { state, effects } = applyCommand(
      proposed('COMPLETE'),
      { type: 'decideEvaluationProposal', actor: LT, decision: 'CONFIRM' },
      LATER,
    );
    expect(state.status).toBe('CLOSED');
    expect(state.closure).toMatchObject({ reason: 'COMPLETED_PER_PLAN' });
    expect(state.evaluations[0]).toMatchObject({
      outcome: 'COMPLETE',
      localTeamParticipated: true,
      recordedByRef: PROVIDER.ref,
      confirmedByRef: LT.ref,
    });
    expect(effectsOf(effects, 'PAYMENT').map((p) => p.tranche.kind)).toEqual(['FINAL']);
  });

  it('rejected by the local team: the evaluation counts, its outcome does not (CONTINUE), without the local team', () => {
    const { state, effects } = applyCommand(
      proposed('TERMINATE'),
      { type: 'decideEvaluationProposal', actor: LT, decision: 'REJECT', reasonCode: 'RESULTS_UNCLEAR' },
      LATER,
    );
    expect(state.status).toBe('ACTIVE');
    expect(state.evaluationProposal).toBeUndefined();
    expect(state.evaluations[0]).toMatchObject({ outcome: 'CONTINUE', localTeamParticipated: false });
    expect(effectsOf(effects, 'CLOSED')).toEqual([]);
    expect(state.care.nextEvaluationAt).toBeDefined();
  });

  it('a rejection needs a reason; only the local team decides', () => {
    expect(
      rejection(() =>
        applyCommand(
          proposed('SCALE_UP'),
          { type: 'decideEvaluationProposal', actor: LT, decision: 'REJECT' },
          LATER,
        ),
      ).code,
    ).toBe('DOMAIN_RULE_VIOLATION');
    expect(
      rejection(() =>
        applyCommand(
          proposed('SCALE_UP'),
          { type: 'decideEvaluationProposal', actor: PROVIDER, decision: 'CONFIRM' },
          LATER,
        ),
      ).violations[0].field,
    ).toBe('actor.role');
  });

  it('the local team’s own evaluation is its participation: it needs no flag and no proposal', () => {
    const { state } = applyCommand(
      active(),
      {
        type: 'recordEvaluation',
        actor: LT,
        evaluation: { ...evaluation({ outcome: 'SCALE_UP' }), localTeamParticipated: false },
      },
      LATER,
    );
    expect(state.evaluationProposal).toBeUndefined();
    expect(state.evaluations[0]).toMatchObject({ outcome: 'SCALE_UP', localTeamParticipated: true });
    expect(state.scalingAsked).toMatchObject({ direction: 'UP' });
  });

  it('a provider’s CONTINUE is recorded at once, and the local team did not take part', () => {
    const { state } = applyCommand(
      active(),
      {
        type: 'recordEvaluation',
        actor: PROVIDER,
        evaluation: { ...evaluation(), localTeamParticipated: true },
      },
      LATER,
    );
    expect(state.evaluations[0]).toMatchObject({ outcome: 'CONTINUE', localTeamParticipated: false });
  });

  it('a proposal nobody decides on is brought up to the local team until it decides', () => {
    let state = proposed('COMPLETE');
    const notices: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const step = applyDueTimers(state, new Date(nextDeadline(state)!));
      notices.push(
        ...effectsOf(step.effects, 'NOTIFY')
          .filter((n) => n.ids.wait === 'EVALUATION_PROPOSAL')
          .map((n) => n.topic),
      );
      state = step.state;
    }
    expect(notices.slice(0, 2)).toEqual(['DEADLINE_APPROACHING', 'WAIT_OVERDUE']);
    expect(state.status).toBe('ACTIVE');
  });
});

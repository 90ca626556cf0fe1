import { familySatisfactionSection, withheldBelowMinimum } from './family-satisfaction-figures';

const NOW = '2026-06-01T00:00:00.000Z';
const MAY = '2026-05-30T00:00:00.000Z';
const JULY = '2026-07-01T00:00:00.000Z';
import { familyAnswerViolations, satisfactionOccasions } from './satisfaction-occasions';

describe('the family’s satisfaction questions (K-O3, issue 18)', () => {
  it('asks after every evaluation but the final one, and at the closure of care that started', () => {
    const occasions = satisfactionOccasions([
      {
        kind: 'EVALUATION_RECORDED',
        at: '2026-03-01T09:00:00.000Z',
        evaluationNumber: 1,
        evaluationType: 'PERIODIC',
      },
      {
        kind: 'EVALUATION_RECORDED',
        at: '2026-05-01T09:00:00.000Z',
        evaluationNumber: 2,
        evaluationType: 'INTERIM_REQUESTED',
      },
      {
        kind: 'EVALUATION_RECORDED',
        at: '2026-06-01T09:00:00.000Z',
        evaluationNumber: 3,
        evaluationType: 'FINAL',
      },
      { kind: 'TRAJECTORY_CLOSED', at: '2026-06-01T09:00:00.000Z', careStarted: true },
    ]);
    expect(occasions.map((o) => o.id)).toEqual(['evaluation-1', 'evaluation-2', 'closure']);
    // An evaluation that stops care closes the trajectory at once: the closure asks, not the evaluation too.
    expect(
      satisfactionOccasions([
        {
          kind: 'EVALUATION_RECORDED',
          at: JULY,
          evaluationNumber: 1,
          evaluationType: 'PERIODIC',
          outcome: 'TERMINATE',
        },
        { kind: 'TRAJECTORY_CLOSED', at: JULY, careStarted: true },
      ]).map((o) => o.id),
    ).toEqual(['closure']);
    // SATISFACTION_ANSWER_DAYS: 90 days to answer.
    expect(occasions[0].openUntil).toBe('2026-05-30T09:00:00.000Z');
  });

  it('does not ask at the closure of a plan that never reached care', () => {
    expect(
      satisfactionOccasions([
        { kind: 'TRAJECTORY_CLOSED', at: '2026-06-01T09:00:00.000Z', careStarted: false },
      ]),
    ).toEqual([]);
  });

  it('names each wrong answer by its field: unknown result, twice, unknown answer, none at all', () => {
    expect(
      familyAnswerViolations(
        ['r1', 'r2'],
        [
          { resultId: 'r1', answer: 'POSITIVE' },
          { resultId: 'r1', answer: 'NEGATIVE' },
          { resultId: 'r7', answer: 'POSITIVE' },
          { resultId: 'r2', answer: 'MAYBE' as never },
        ],
      ).map((v) => v.field),
    ).toEqual(['answers.1.resultId', 'answers.2.resultId', 'answers.3.answer']);
    expect(familyAnswerViolations(['r1'], []).map((v) => v.field)).toEqual(['answers']);
  });

  it('counts the response rate over the occasions asked in the period and satisfaction over the answers', () => {
    const section = familySatisfactionSection(
      [
        {
          trajectoryId: 't1',
          providerId: 'P1',
          at: '2026-02-01T00:00:00.000Z',
          openUntil: MAY,
          answers: 2,
          positive: 2,
        },
        // Lapsed unanswered: counts against the response rate.
        {
          trajectoryId: 't1',
          providerId: 'P1',
          at: '2026-03-01T00:00:00.000Z',
          openUntil: MAY,
          answers: 0,
          positive: 0,
        },
        {
          trajectoryId: 't2',
          providerId: 'P2',
          at: '2026-03-05T00:00:00.000Z',
          openUntil: MAY,
          answers: 3,
          positive: 1,
        },
        // Unanswered but still open on NOW: asked, yet in neither part of the response rate.
        {
          trajectoryId: 't4',
          providerId: 'P2',
          at: '2026-03-20T00:00:00.000Z',
          openUntil: JULY,
          answers: 0,
          positive: 0,
        },
        // Asked before the period: not counted, even though answered.
        {
          trajectoryId: 't3',
          providerId: 'P2',
          at: '2025-12-01T00:00:00.000Z',
          openUntil: MAY,
          answers: 1,
          positive: 1,
        },
      ],
      { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' },
      NOW,
    );
    // 2 answered of 3 that could be (t4 still open); 3 of 5 answers positive.
    expect(section.overall).toEqual({
      asked: 4,
      answered: 2,
      open: 1,
      responseRate: 0.6667,
      answers: 5,
      positive: 3,
      satisfaction: 0.6,
      suppressed: false,
    });
    expect(section.byProvider.map((p) => [p.providerId, p.responseRate, p.satisfaction])).toEqual([
      ['P1', 0.5, 1],
      ['P2', 1, 0.3333],
    ]);
    // A provider reads no figure of fewer than five answered questions.
    expect(withheldBelowMinimum(section.overall)).toMatchObject({
      satisfaction: null,
      answers: null,
      suppressed: true,
    });
  });

  it('reports nothing rather than zero when nobody was asked', () => {
    expect(familySatisfactionSection([], { from: null, to: null }, NOW).overall).toMatchObject({
      responseRate: null,
      satisfaction: null,
    });
  });
});

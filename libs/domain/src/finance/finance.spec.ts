import { applyCommand } from '@app/domain';
import {
  active,
  at,
  effectsOf,
  evaluation,
  FINANCE,
  LT,
  rejection,
  T0,
} from '../../testing/trajectory-fixtures';

const LATER = at('2026-07-21T08:00:00.000Z');

describe('finance (domain.md §7.8, R-END-05)', () => {
  it('a withheld final tranche becomes WITHHOLD_PAYMENT at completion, not PAYMENT', () => {
    const withheld = applyCommand(
      active(),
      { type: 'withholdPayment', actor: FINANCE, reasonRef: 'memo-77' },
      LATER,
    );
    expect(effectsOf(withheld.effects, 'AUDIT')[0]).toMatchObject({
      type: 'FINAL_TRANCHE_WITHHELD',
      details: { reasonRef: 'memo-77' },
    });
    const { state, effects } = applyCommand(
      withheld.state,
      { type: 'confirmCompletion', actor: LT, finalEvaluation: evaluation({ outcome: 'COMPLETE' }) },
      LATER,
    );
    expect(effectsOf(effects, 'PAYMENT')).toEqual([]);
    expect(effectsOf(effects, 'WITHHOLD_PAYMENT')).toEqual([
      expect.objectContaining({
        idempotencyKey: 'traj-0417:FINAL:1',
        reasonRef: 'memo-77',
        withheldByRef: FINANCE.ref,
      }),
    ]);
    expect(state.payments.find((p) => p.kind === 'FINAL')?.status).toBe('WITHHELD');
  });

  it('withholding needs FINANCE and a written reason; twice is not allowed', () => {
    expect(
      rejection(() => applyCommand(active(), { type: 'withholdPayment', actor: LT, reasonRef: 'm' }, LATER))
        .violations[0].field,
    ).toBe('actor.role');
    expect(
      rejection(() =>
        applyCommand(active(), { type: 'withholdPayment', actor: FINANCE, reasonRef: '' }, LATER),
      ).violations[0].field,
    ).toBe('reasonRef');
    const once = applyCommand(
      active(),
      { type: 'withholdPayment', actor: FINANCE, reasonRef: 'm' },
      LATER,
    ).state;
    expect(
      rejection(() => applyCommand(once, { type: 'withholdPayment', actor: FINANCE, reasonRef: 'm' }, LATER))
        .code,
    ).toBe('INVALID_TRANSITION');
  });

  it('a retroactive price correction by agreement issues decision v2 and a negative adjustment', () => {
    const { state, effects } = applyCommand(
      active(),
      {
        type: 'amendDecisionPrice',
        actor: FINANCE,
        tariffCents: 750_000,
        providerAgreed: true,
        reasonRef: 'agreement-3',
      },
      LATER,
    );
    expect(state.decisions[1]).toMatchObject({
      version: 2,
      cause: 'PRICE_CORRECTION',
      amendsVersion: 1,
      validFrom: T0.toISOString(),
    });
    // 2/3 of 7,500 = 5,000 was due; 6,000 was paid.
    expect(effectsOf(effects, 'PAYMENT')[0].tranche).toMatchObject({
      kind: 'ADJUSTMENT',
      amountCents: -100_000,
      adjustmentCause: 'PRICE_CORRECTION',
    });
    const closed = applyCommand(
      state,
      { type: 'confirmCompletion', actor: LT, finalEvaluation: evaluation({ outcome: 'COMPLETE' }) },
      LATER,
    );
    expect(effectsOf(closed.effects, 'PAYMENT')[0].tranche).toMatchObject({
      kind: 'FINAL',
      amountCents: 250_000,
      decisionVersion: 2,
    });
  });

  it('refuses a correction without the provider’s agreement (R-END-05)', () => {
    const error = rejection(() =>
      applyCommand(
        active(),
        {
          type: 'amendDecisionPrice',
          actor: FINANCE,
          tariffCents: 750_000,
          providerAgreed: false,
          reasonRef: 'x',
        },
        LATER,
      ),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['providerAgreed']);
  });
});

import type { ClosureReason } from './closure-reason';
import { finalTranche } from './final-tranche';
import type { NoFinalTrancheReason } from './final-tranche';
import type { PaymentRuleErrorCode } from './payment-rule-error';
import type { TrajectoryPricedPreset } from './payment-policy-preset';
import { expectedTotalCents } from './payment-schedule';
import { closed, decision, policy, start } from '../../testing/payment-fixtures';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });

// Tariff 9000 splits exactly under every preset: WF 6000 + 3000, Friesland 6300 + 2700, WBW 4500 + 4500.
const SPLIT: Record<TrajectoryPricedPreset, readonly [number, number]> = {
  WF_RECOVERY: [6000, 3000],
  FRIESLAND_70_30: [6300, 2700],
  WBW_50_50: [4500, 4500],
};

type Expectation = 'PAY' | NoFinalTrancheReason;

/** domain.md §7.7 final conditions, §7.8 treatments, R-END-01..03; see final-tranche.ts for the choices. */
const MATRIX: ReadonlyArray<readonly [ClosureReason, Expectation, Expectation, Expectation]> = [
  //                               WF_RECOVERY               FRIESLAND_70_30  WBW_50_50
  ['COMPLETED_PER_PLAN', 'PAY', 'PAY', 'PAY'],
  ['EARLY_DROPOUT', 'EARLY_DROPOUT', 'EARLY_DROPOUT', 'EARLY_DROPOUT'],
  ['RESTARTED_FOR_NEW_NEED', 'EARLY_END', 'EARLY_END', 'EARLY_END'],
  ['CLIENT_SWITCHED_PROVIDER', 'EARLY_END', 'EARLY_END', 'EARLY_END'],
  ['TRANSFERRED_BY_MUNICIPALITY', 'EARLY_END', 'EARLY_END', 'EARLY_END'],
  ['DECISION_EXPIRED', 'NOT_COMPLETED_PER_PLAN', 'PAY', 'PAY'],
  ['OTHER', 'NOT_COMPLETED_PER_PLAN', 'PAY', 'PAY'],
  ['REJECTED', 'NEVER_STARTED', 'NEVER_STARTED', 'NEVER_STARTED'],
  ['WITHDRAWN_BEFORE_START', 'NEVER_STARTED', 'NEVER_STARTED', 'NEVER_STARTED'],
];

const PRESETS: readonly TrajectoryPricedPreset[] = ['WF_RECOVERY', 'FRIESLAND_70_30', 'WBW_50_50'];
const CASES = MATRIX.flatMap(([reason, ...expectations]) =>
  PRESETS.map((preset, i) => [preset, reason, expectations[i]] as const),
);

describe('finalTranche: which closures pay the final share (domain.md §3.9, §7.7, §7.8)', () => {
  it.each(CASES)('R-END-01/R-PAY-0x %s closed %s → %s', (preset, closureReason, expected) => {
    const p = policy(preset);
    const [initial, final] = SPLIT[preset];
    const outcome = finalTranche(p, decision(p, 1, 9000), { closureReason, paidSoFarCents: initial });
    if (expected === 'PAY') {
      expect(outcome).toEqual({
        due: true,
        tranche: expect.objectContaining({ kind: 'FINAL', amountCents: final }),
      });
    } else {
      expect(outcome).toEqual(
        expect.objectContaining({ due: false, kind: 'FINAL', decisionVersion: 1, reason: expected }),
      );
    }
  });

  it('R-END-01 early dropout under WF_RECOVERY: tariff 10000 pays 6666 in all, the final is cancelled, nothing reclaimed', () => {
    const p = policy('WF_RECOVERY');
    const history = [start(decision(p, 1, 10_000)), closed('EARLY_DROPOUT')];
    expect(expectedTotalCents(p, history)).toBe(6666);
    const outcome = finalTranche(p, decision(p, 1, 10_000), {
      closureReason: 'EARLY_DROPOUT',
      paidSoFarCents: 6666,
    });
    expect(outcome).toEqual(expect.objectContaining({ due: false, reason: 'EARLY_DROPOUT' }));
    if (!outcome.due) expect(outcome.explanation).toContain('R-END-01');
  });

  it('§7.8 completed per plan with results not achieved: WF_RECOVERY still pays the final 3334 (R-PAY-04)', () => {
    const p = policy('WF_RECOVERY');
    const outcome = finalTranche(p, decision(p, 1, 10_000), {
      closureReason: 'COMPLETED_PER_PLAN',
      resultsAchieved: false,
      paidSoFarCents: 6666,
    });
    expect(outcome.due && outcome.tranche.amountCents).toBe(3334);
    expect(outcome.due && outcome.tranche.basis).toContain('results not achieved');
  });

  it.each(PRESETS)(
    'R-SCALE-03 %s restarted for a new need with the old plan confirmed completed pays the final',
    (preset) => {
      const p = policy(preset);
      const [initial, final] = SPLIT[preset];
      const outcome = finalTranche(p, decision(p, 1, 9000), {
        closureReason: 'RESTARTED_FOR_NEW_NEED',
        localTeamConfirmedOldPlanCompleted: true,
        paidSoFarCents: initial,
      });
      expect(outcome.due && outcome.tranche.amountCents).toBe(final);
    },
  );

  it('R-END-03 a client switching provider closes the old WBW_50_50 trajectory like an early end: 4500 in all', () => {
    const p = policy('WBW_50_50');
    expect(expectedTotalCents(p, [start(decision(p, 1, 9000)), closed('CLIENT_SWITCHED_PROVIDER')])).toBe(
      4500,
    );
  });

  it('§7.8 a final of 0 after a scale-down is NOTHING_LEFT_TO_PAY, not a €0 payment', () => {
    const p = policy('WF_RECOVERY');
    const outcome = finalTranche(p, decision(p, 2, 5000), {
      closureReason: 'COMPLETED_PER_PLAN',
      paidSoFarCents: 6666,
    });
    expect(outcome).toEqual(
      expect.objectContaining({ due: false, reason: 'NOTHING_LEFT_TO_PAY', decisionVersion: 2 }),
    );
  });

  it.each(['MONTHLY', 'PERIOD_4W_BLOCKS', 'ANNUAL_HIGH_COMPLEX', 'TASK_BUDGET'] as const)(
    '§7.7 %s has no final tranche',
    (preset) => {
      const p = policy(preset);
      const outcome = finalTranche(p, decision(p, 1, 9000), {
        closureReason: 'COMPLETED_PER_PLAN',
        paidSoFarCents: 0,
      });
      expect(outcome).toEqual(expect.objectContaining({ due: false, reason: 'POLICY_HAS_NO_FINAL_TRANCHE' }));
    },
  );

  it('rejects an unknown closure reason, negative paid cents and a decision priced on another basis', () => {
    const p = policy('WF_RECOVERY');
    const d = decision(p, 1, 9000);
    expect(() =>
      finalTranche(p, d, { closureReason: 'FINISHED' as ClosureReason, paidSoFarCents: 0 }),
    ).toThrow(ruleError('INVALID_CLOSURE'));
    expect(() => finalTranche(p, d, { closureReason: 'COMPLETED_PER_PLAN', paidSoFarCents: -1 })).toThrow(
      ruleError('INVALID_CENTS'),
    );
    expect(() =>
      finalTranche(
        p,
        { ...d, pricingBasis: 'PER_MONTH' },
        { closureReason: 'COMPLETED_PER_PLAN', paidSoFarCents: 0 },
      ),
    ).toThrow(ruleError('PRICING_BASIS_MISMATCH'));
  });
});

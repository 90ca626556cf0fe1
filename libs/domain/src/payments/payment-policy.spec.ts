import { assertPaymentPolicy, paymentPolicyFor, PRESET_DEFINITIONS_VERSION } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { PAYMENT_POLICY_PRESETS } from './payment-policy-preset';
import type { PaymentPolicyPreset } from './payment-policy-preset';
import type { PaymentRuleErrorCode } from './payment-rule-error';
import { selectPaymentPolicy } from './select-payment-policy';
import { decision } from '../../testing/payment-fixtures';
import { tranchesAtStart } from './start-tranches';

const ruleError = (code: PaymentRuleErrorCode) => expect.objectContaining({ name: 'PaymentRuleError', code });
const v = PRESET_DEFINITIONS_VERSION;

describe('paymentPolicyFor (domain.md §7.7)', () => {
  it.each<[PaymentPolicyPreset, PaymentPolicy]>([
    [
      'WF_RECOVERY',
      {
        preset: 'WF_RECOVERY',
        pricingBasis: 'PER_TRAJECTORY',
        policyVersion: v,
        split: { numerator: 2, denominator: 3 },
      },
    ],
    [
      'FRIESLAND_70_30',
      {
        preset: 'FRIESLAND_70_30',
        pricingBasis: 'PER_TRAJECTORY',
        policyVersion: v,
        split: { numerator: 7, denominator: 10 },
      },
    ],
    [
      'WBW_50_50',
      {
        preset: 'WBW_50_50',
        pricingBasis: 'PER_TRAJECTORY',
        policyVersion: v,
        split: { numerator: 1, denominator: 2 },
      },
    ],
    ['MONTHLY', { preset: 'MONTHLY', pricingBasis: 'PER_MONTH', policyVersion: v, periodLength: 'P1M' }],
    [
      'PERIOD_4W_BLOCKS',
      { preset: 'PERIOD_4W_BLOCKS', pricingBasis: 'PER_4_WEEKS', policyVersion: v, periodLength: 'P4W' },
    ],
    [
      'ANNUAL_HIGH_COMPLEX',
      {
        preset: 'ANNUAL_HIGH_COMPLEX',
        pricingBasis: 'PER_YEAR_AVERAGE',
        policyVersion: v,
        periodLength: 'P1M',
        instalmentsPerYear: 12,
      },
    ],
    ['TASK_BUDGET', { preset: 'TASK_BUDGET', pricingBasis: 'TASK', policyVersion: v }],
  ])('§7.7 %s is defined as in the preset table', (preset, expected) => {
    expect(paymentPolicyFor(preset)).toEqual(expected);
  });

  it('decisions.md 2: every built-in snapshot is frozen, so a running trajectory cannot be repriced by mutation', () => {
    for (const preset of PAYMENT_POLICY_PRESETS) {
      const snapshot = paymentPolicyFor(preset);
      expect(Object.isFrozen(snapshot)).toBe(true);
      if (snapshot.split) expect(Object.isFrozen(snapshot.split)).toBe(true);
      expect(() => assertPaymentPolicy(snapshot)).not.toThrow();
    }
  });

  it('rejects an unknown preset with UNKNOWN_PRESET', () => {
    expect(() => paymentPolicyFor('HOUR_BAND' as PaymentPolicyPreset)).toThrow(ruleError('UNKNOWN_PRESET'));
  });

  it('decisions.md 2: a snapshot keeps its own split; a deserialised 3/5 snapshot pays 3/5 at the start', () => {
    const regional: PaymentPolicy = {
      ...paymentPolicyFor('WF_RECOVERY'),
      split: { numerator: 3, denominator: 5 },
      policyVersion: 'region-x/7',
    };
    expect(tranchesAtStart(regional, decision(regional, 1, 10_000))[0].amountCents).toBe(6000);
  });

  it.each<[string, PaymentPolicy, PaymentRuleErrorCode]>([
    [
      'a foreign pricing basis',
      { ...paymentPolicyFor('MONTHLY'), pricingBasis: 'PER_TRAJECTORY' },
      'INVALID_POLICY',
    ],
    [
      'a split preset without split',
      { preset: 'WF_RECOVERY', pricingBasis: 'PER_TRAJECTORY', policyVersion: v },
      'INVALID_POLICY',
    ],
    [
      'a split of 3/3',
      { ...paymentPolicyFor('WBW_50_50'), split: { numerator: 3, denominator: 3 } },
      'INVALID_SPLIT',
    ],
    [
      'a split on MONTHLY',
      { ...paymentPolicyFor('MONTHLY'), split: { numerator: 1, denominator: 2 } },
      'INVALID_POLICY',
    ],
    [
      'MONTHLY without period length',
      { preset: 'MONTHLY', pricingBasis: 'PER_MONTH', policyVersion: v },
      'INVALID_POLICY',
    ],
    [
      'ANNUAL without instalments',
      { ...paymentPolicyFor('ANNUAL_HIGH_COMPLEX'), instalmentsPerYear: undefined },
      'INVALID_POLICY',
    ],
    [
      'ANNUAL with 0 instalments',
      { ...paymentPolicyFor('ANNUAL_HIGH_COMPLEX'), instalmentsPerYear: 0 },
      'INVALID_POLICY',
    ],
    ['an empty policyVersion', { ...paymentPolicyFor('TASK_BUDGET'), policyVersion: '' }, 'INVALID_POLICY'],
    [
      'an unknown preset',
      { ...paymentPolicyFor('TASK_BUDGET'), preset: 'HOUR_BAND' as PaymentPolicyPreset },
      'UNKNOWN_PRESET',
    ],
  ])('assertPaymentPolicy rejects %s', (_label, snapshot, code) => {
    expect(() => assertPaymentPolicy(snapshot)).toThrow(ruleError(code));
  });
});

describe('selectPaymentPolicy (decisions.md 1 and 7)', () => {
  it('decisions.md 7: PER_TRAJECTORY without a region split takes WF_RECOVERY (R-PAY-01)', () => {
    expect(selectPaymentPolicy({ arrangementPricingBasis: 'PER_TRAJECTORY' }).preset).toBe('WF_RECOVERY');
  });

  it.each(['WF_RECOVERY', 'FRIESLAND_70_30', 'WBW_50_50'] as const)(
    'decisions.md 1: PER_TRAJECTORY takes the region split %s',
    (split) => {
      expect(
        selectPaymentPolicy({ arrangementPricingBasis: 'PER_TRAJECTORY', regionTrajectorySplit: split })
          .preset,
      ).toBe(split);
    },
  );

  it.each([
    ['PER_MONTH', 'MONTHLY'],
    ['PER_4_WEEKS', 'PERIOD_4W_BLOCKS'],
    ['PER_YEAR_AVERAGE', 'ANNUAL_HIGH_COMPLEX'],
    ['TASK', 'TASK_BUDGET'],
  ] as const)('decisions.md 1: %s → %s, whatever the region split', (basis, preset) => {
    expect(selectPaymentPolicy({ arrangementPricingBasis: basis, regionTrajectorySplit: 'WBW_50_50' })).toBe(
      paymentPolicyFor(preset),
    );
  });

  it('rejects a region split that is not a trajectory split, and an unknown basis', () => {
    expect(() =>
      selectPaymentPolicy({
        arrangementPricingBasis: 'PER_TRAJECTORY',
        regionTrajectorySplit: 'MONTHLY' as never,
      }),
    ).toThrow(ruleError('NOT_A_TRAJECTORY_SPLIT'));
    expect(() => selectPaymentPolicy({ arrangementPricingBasis: 'HOUR_BAND' as never })).toThrow(
      ruleError('UNKNOWN_PRICING_BASIS'),
    );
  });
});

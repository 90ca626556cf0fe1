import fc from 'fast-check';
import type { CareDecisionTerms } from './care-decision-terms';
import { CLOSURE_REASONS, NEVER_STARTED_CLOSURE_REASONS } from './closure-reason';
import type { ClosureFacts } from './closure-reason';
import { finalTranche } from './final-tranche';
import { paymentIdempotencyKey } from './payment-idempotency-key';
import type { PaymentHistory, PaymentHistoryEvent } from './payment-history';
import { paymentPolicyFor } from './payment-policy';
import type { PaymentPolicy } from './payment-policy';
import { isPeriodPricedPreset, PAYMENT_POLICY_PRESETS } from './payment-policy-preset';
import type { PaymentPolicyPreset } from './payment-policy-preset';
import { expectedTotalCents, paymentScheduleFor } from './payment-schedule';
import {
  changed,
  corrected,
  decision,
  periodStarted,
  start,
  TRAJECTORY_ID,
} from '../../testing/payment-fixtures';
import { periodTranche } from './period-tranche';
import type { PlannedTranche } from './planned-tranche';
import { priceCorrection } from './price-correction';
import { scalingAdjustment } from './scaling-adjustment';
import { tranchesAtStart } from './start-tranches';

/** Random tariffs as the brief asks: 0 .. 10^9 cents. */
const TARIFF = fc.integer({ min: 0, max: 1_000_000_000 });

const STARTED_CLOSURES = CLOSURE_REASONS.filter((reason) => !NEVER_STARTED_CLOSURE_REASONS.includes(reason));

const CLOSURE: fc.Arbitrary<ClosureFacts> = fc.record({
  closureReason: fc.constantFrom(...STARTED_CLOSURES),
  localTeamConfirmedOldPlanCompleted: fc.option(fc.boolean(), { nil: undefined }),
  resultsAchieved: fc.option(fc.boolean(), { nil: undefined }),
});

type Step = { readonly tag: 'period' } | { readonly tag: 'change' | 'correct'; readonly tariff: number };

interface Scenario {
  readonly preset: PaymentPolicyPreset;
  readonly tariff: number;
  readonly steps: readonly Step[];
  readonly closure?: ClosureFacts;
  /** A price correction after the closure (R-END-05: the price may be found too high later). */
  readonly lateCorrection?: number;
}

function scenario(options: { readonly corrections: boolean }): fc.Arbitrary<Scenario> {
  const step = fc.oneof(
    { arbitrary: fc.constant<Step>({ tag: 'period' }), weight: 4 },
    { arbitrary: TARIFF.map<Step>((tariff) => ({ tag: 'change', tariff })), weight: 1 },
    {
      arbitrary: TARIFF.map<Step>((tariff) => ({ tag: options.corrections ? 'correct' : 'change', tariff })),
      weight: 1,
    },
  );
  return fc.record({
    preset: fc.constantFrom(...PAYMENT_POLICY_PRESETS),
    tariff: TARIFF,
    steps: fc.array(step, { maxLength: 30 }),
    closure: fc.option(CLOSURE, { nil: undefined }),
    lateCorrection: options.corrections ? fc.option(TARIFF, { nil: undefined }) : fc.constant(undefined),
  });
}

/** The history a trajectory following `s` would record; period steps are skipped for presets without periods. */
function historyOf(s: Scenario): PaymentHistory {
  const p = paymentPolicyFor(s.preset);
  let version = 1;
  let period = 1;
  let arrangement = 'ARR-1';
  const events: PaymentHistoryEvent[] = [start(decision(p, version, s.tariff, arrangement))];
  for (const step of s.steps) {
    if (step.tag === 'period') {
      if (isPeriodPricedPreset(s.preset)) events.push(periodStarted((period += 1)));
    } else if (step.tag === 'change') {
      version += 1;
      arrangement = `ARR-${version}`;
      events.push(changed(decision(p, version, step.tariff, arrangement)));
    } else {
      version += 1;
      events.push(corrected(decision(p, version, step.tariff, arrangement)));
    }
  }
  if (s.closure !== undefined) {
    events.push({ type: 'CLOSED', closure: s.closure });
    if (s.lateCorrection !== undefined)
      events.push(corrected(decision(p, version + 1, s.lateCorrection, arrangement)));
  }
  return events;
}

/** The split of each trajectory preset as domain.md §7.7 states it, independent of the code's table. */
const DOC_SPLIT: Partial<Record<PaymentPolicyPreset, readonly [bigint, bigint]>> = {
  WF_RECOVERY: [2n, 3n],
  FRIESLAND_70_30: [7n, 10n],
  WBW_50_50: [1n, 2n],
};

/** domain.md §7.7 final conditions and §7.8 treatments, restated independently of final-tranche.ts. */
function finalIsEarned(preset: PaymentPolicyPreset, closure: ClosureFacts | undefined): boolean {
  if (closure === undefined) return false;
  switch (closure.closureReason) {
    case 'COMPLETED_PER_PLAN':
      return true;
    case 'RESTARTED_FOR_NEW_NEED':
      return closure.localTeamConfirmedOldPlanCompleted === true;
    case 'DECISION_EXPIRED':
    case 'OTHER':
      return preset !== 'WF_RECOVERY';
    default:
      return false;
  }
}

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * An independent oracle for histories without price corrections, in BigInt:
 * - trajectory split: the initial share of the highest-paying decision so far (scale-ups top it up, §7.8;
 *   scale-downs reclaim nothing), plus the rest of the current tariff if the final is earned;
 * - MONTHLY / 4 weeks: the rate in force at each period begun; ANNUAL: floor(A·i/12) − floor(A·(i−1)/12);
 * - TASK: nothing.
 */
function oracleTotal(preset: PaymentPolicyPreset, history: PaymentHistory): bigint {
  let tariff = 0n;
  let initialPaid = 0n;
  let periodic = 0n;
  let closure: ClosureFacts | undefined;
  const split = DOC_SPLIT[preset];
  const payPeriod = (period: number): bigint => {
    if (preset === 'MONTHLY' || preset === 'PERIOD_4W_BLOCKS') return tariff;
    if (preset !== 'ANNUAL_HIGH_COMPLEX') return 0n;
    const i = BigInt(((period - 1) % 12) + 1);
    return (tariff * i) / 12n - (tariff * (i - 1n)) / 12n;
  };
  for (const event of history) {
    if (event.type === 'START_CONFIRMED' || event.type === 'ARRANGEMENT_CHANGED') {
      tariff = BigInt(event.decision.tariffCents);
      if (split) initialPaid = max(initialPaid, (tariff * split[0]) / split[1]);
      if (event.type === 'START_CONFIRMED') periodic += payPeriod(1);
    } else if (event.type === 'PERIOD_STARTED') {
      periodic += payPeriod(event.period);
    } else if (event.type === 'CLOSED') {
      closure = event.closure;
    } else {
      throw new Error('the oracle covers histories without price corrections');
    }
  }
  if (!split) return periodic;
  return finalIsEarned(preset, closure) ? max(tariff, initialPaid) : initialPaid;
}

/** The step functions called in the order a trajectory workflow calls them, tracking paid and the sequence. */
function asWorkflowWould(policy: PaymentPolicy, history: PaymentHistory): PlannedTranche[] {
  const issued: PlannedTranche[] = [];
  let current: CareDecisionTerms | undefined;
  const paid = (): number => issued.reduce((sum, t) => sum + t.amountCents, 0);
  const nextSeq = (): number => 1 + issued.filter((t) => t.kind === 'ADJUSTMENT').length;
  history.forEach((event, index) => {
    if (event.type === 'START_CONFIRMED') {
      issued.push(...tranchesAtStart(policy, event.decision));
      current = event.decision;
    } else if (current === undefined) {
      throw new Error('generated histories always start first');
    } else if (event.type === 'PERIOD_STARTED') {
      issued.push(periodTranche(policy, current, event.period));
    } else if (event.type === 'ARRANGEMENT_CHANGED') {
      const outcome = scalingAdjustment(policy, {
        oldDecision: current,
        newDecision: event.decision,
        paidSoFarCents: paid(),
        adjustmentSeq: nextSeq(),
      });
      if (outcome.treatment === 'ADJUSTMENT_NOW') issued.push(outcome.tranche);
      current = event.decision;
    } else if (event.type === 'PRICE_CORRECTED') {
      const outcome = priceCorrection(policy, {
        history: history.slice(0, index),
        correctedDecision: event.decision,
      });
      if (outcome.due) issued.push(outcome.tranche);
      current = event.decision;
    } else {
      const outcome = finalTranche(policy, current, { ...event.closure, paidSoFarCents: paid() });
      if (outcome.due) issued.push(outcome.tranche);
    }
  });
  return issued;
}

const sum = (tranches: readonly PlannedTranche[]): number =>
  tranches.reduce((total, t) => total + t.amountCents, 0);

describe('payment properties (fast-check)', () => {
  it('§7.7 for every preset and random tariffs 0..10^9, the tranches sum exactly to the total the policy expects', () => {
    fc.assert(
      fc.property(scenario({ corrections: false }), (s) => {
        const history = historyOf(s);
        const policy = paymentPolicyFor(s.preset);
        const schedule = paymentScheduleFor(policy, history);
        expect(BigInt(sum(schedule.tranches))).toBe(oracleTotal(s.preset, history));
        expect(expectedTotalCents(policy, history)).toBe(sum(schedule.tranches));
      }),
    );
  });

  it('R-PAY-01..03 without scaling, INITIAL + FINAL is the tariff to the cent when completed per plan', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('WF_RECOVERY', 'FRIESLAND_70_30', 'WBW_50_50' as const),
        TARIFF,
        (preset, tariff) => {
          const policy = paymentPolicyFor(preset);
          const d = decision(policy, 1, tariff);
          const [initial] = tranchesAtStart(policy, d);
          const final = finalTranche(policy, d, {
            closureReason: 'COMPLETED_PER_PLAN',
            paidSoFarCents: initial.amountCents,
          });
          const finalCents = final.due ? final.tranche.amountCents : 0;
          expect(initial.amountCents + finalCents).toBe(tariff);
        },
      ),
    );
  });

  it('§7.4 the step functions, called as the workflow calls them, issue exactly the replayed schedule', () => {
    fc.assert(
      fc.property(scenario({ corrections: true }), (s) => {
        const history = historyOf(s);
        const policy = paymentPolicyFor(s.preset);
        expect(asWorkflowWould(policy, history)).toEqual(paymentScheduleFor(policy, history).tranches);
      }),
    );
  });

  it('§7.8 no tranche is negative except a declared price correction, and the running total never drops below 0', () => {
    fc.assert(
      fc.property(scenario({ corrections: true }), (s) => {
        let running = 0;
        for (const tranche of paymentScheduleFor(paymentPolicyFor(s.preset), historyOf(s)).tranches) {
          if (tranche.amountCents < 0) {
            expect(tranche).toEqual(
              expect.objectContaining({ kind: 'ADJUSTMENT', adjustmentCause: 'PRICE_CORRECTION' }),
            );
          }
          running += tranche.amountCents;
          expect(running).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('R-END-05 a retroactive correction leaves the trajectory where it would be had the decision always carried that price', () => {
    fc.assert(
      fc.property(scenario({ corrections: true }), TARIFF, (s, correctedTariff) => {
        const policy = paymentPolicyFor(s.preset);
        const history = historyOf({ ...s, lateCorrection: undefined });
        const schedule = paymentScheduleFor(policy, history);
        const amended = schedule.currentDecision as CareDecisionTerms;
        const correction = corrected({ ...amended, decisionVersion: 1000, tariffCents: correctedTariff });
        const alwaysThatPrice = history.map((event) =>
          'decision' in event && event.decision.decisionVersion === amended.decisionVersion
            ? { ...event, decision: { ...event.decision, tariffCents: correctedTariff } }
            : event,
        );
        expect(expectedTotalCents(policy, [...history, correction])).toBe(
          expectedTotalCents(policy, alwaysThatPrice),
        );
      }),
    );
  });

  it('§7.7 deterministic: the same policy and history (also after a JSON round trip) give the same schedule', () => {
    fc.assert(
      fc.property(scenario({ corrections: true }), (s) => {
        const policy = paymentPolicyFor(s.preset);
        const history = historyOf(s);
        const first = paymentScheduleFor(policy, history);
        const replayed = paymentScheduleFor(
          JSON.parse(JSON.stringify(policy)),
          JSON.parse(JSON.stringify(history)),
        );
        expect(replayed).toEqual(first);
        expect(JSON.stringify(paymentScheduleFor(policy, history))).toBe(JSON.stringify(first));
      }),
    );
  });

  it('§7.7 idempotency keys are unique per distinct tranche of a trajectory', () => {
    fc.assert(
      fc.property(scenario({ corrections: true }), (s) => {
        const tranches = paymentScheduleFor(paymentPolicyFor(s.preset), historyOf(s)).tranches;
        const keys = tranches.map((t) => paymentIdempotencyKey({ trajectoryId: TRAJECTORY_ID, ...t }));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});

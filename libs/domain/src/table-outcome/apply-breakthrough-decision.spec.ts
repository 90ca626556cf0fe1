import { applyBreakthroughDecision, applyCommand, applyDueTimers, nextDeadline } from '@app/domain';
import type { TrajectoryState } from '@app/domain';
import {
  at,
  effectsOf,
  LT,
  planDraft,
  PROVIDER,
  RECOVERY,
  rejection,
  submitted,
  T0,
  TABLE,
} from '../../testing/trajectory-fixtures';

const ESC = 'traj-0417-esc-1';
const NOW = at('2026-05-11T08:00:00.000Z');
const OFFER = { ...RECOVERY, code: 'JGD-B-PROF2-LICHT', tariffCents: 750_000 };
const base = { decidedBy: TABLE, rationaleRef: 'minutes-12', memberRefs: ['m-1', 'm-2'] };

/** A plan escalated by the local team over money, with its counter-offer on record. */
function planCase(): TrajectoryState {
  return applyCommand(
    submitted(),
    { type: 'escalate', actor: LT, trigger: 'FINANCIAL_DISPUTE', offeredArrangement: OFFER },
    T0,
  ).state;
}

describe('table decisions on a plan case (§4.4; §7.4: to DECIDED, CHANGES_REQUESTED or CLOSED)', () => {
  it('APPROVE_AS_SUBMITTED decides the submitted arrangement; the table replaces the approval (§4.3)', () => {
    const { state, effects } = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'APPROVE_AS_SUBMITTED', ...base },
      NOW,
    );
    expect(state.status).toBe('DECIDED');
    expect(state.plan).toMatchObject({ status: 'APPROVED', approvedBy: 'BREAKTHROUGH_TABLE' });
    expect(state.escalations[0]).toMatchObject({ status: 'DECIDED', endedAt: NOW.toISOString() });
    expect(effectsOf(effects, 'ISSUE_DECISION')[0].decision).toMatchObject({
      arrangement: RECOVERY,
      approvedBy: 'BREAKTHROUGH_TABLE',
      cause: 'BREAKTHROUGH',
    });
    expect(effectsOf(effects, 'AUDIT').pop()).toMatchObject({
      type: 'BREAKTHROUGH_DECIDED',
      actor: TABLE,
      details: expect.objectContaining({
        code: 'APPROVE_AS_SUBMITTED',
        rationaleRef: 'minutes-12',
        memberRefs: ['m-1', 'm-2'],
      }),
    });
    expect(state.providerStartDeadlineAt).toBe('2026-05-27T08:00:00.000Z');
  });

  it('APPROVE_WITH_ARRANGEMENT decides the table’s arrangement', () => {
    const { state } = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'APPROVE_WITH_ARRANGEMENT', arrangement: OFFER, intensityCode: 'LICHT', ...base },
      NOW,
    );
    expect(state.decisions[0]).toMatchObject({
      arrangement: OFFER,
      intensityCode: 'LICHT',
      totalBudgetCents: 750_000,
    });
  });

  it('RECLASSIFY without an arrangement sends the plan back under the new class', () => {
    const { state } = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'RECLASSIFY', segment: 'C', complexity: 'HIGH', ...base },
      NOW,
    );
    expect(state).toMatchObject({ status: 'CHANGES_REQUESTED', segment: 'C', complexity: 'HIGH' });
    expect(state.resubmissionDeadlineAt).toBe('2026-05-27T08:00:00.000Z');
  });

  it('RECLASSIFY with an arrangement decides it, valid one year for high complexity (R-TIME-02)', () => {
    const annual = {
      code: 'JGD-C-1',
      tariffCents: 5_000_000,
      pricingBasis: 'PER_YEAR_AVERAGE' as const,
      trajectoryType: 'ANNUAL_HIGH_COMPLEX' as const,
      segment: 'C' as const,
    };
    const { state } = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'RECLASSIFY', segment: 'C', complexity: 'HIGH', arrangement: annual, ...base },
      NOW,
    );
    expect(state.status).toBe('DECIDED');
    expect(state.decisions[0]).toMatchObject({
      segment: 'C',
      complexity: 'HIGH',
      validTo: '2027-05-11T08:00:00.000Z',
    });
    expect(state.decisions[0].paymentPolicy.preset).toBe('ANNUAL_HIGH_COMPLEX');
  });

  it('ASSIGN_OTHER_PROVIDER needs the family’s consent, then decides for the other provider', () => {
    const noConsent = rejection(() =>
      applyBreakthroughDecision(
        planCase(),
        ESC,
        { code: 'ASSIGN_OTHER_PROVIDER', leadProviderId: 'prov-anker', familyConsent: false, ...base },
        NOW,
      ),
    );
    expect(noConsent).toMatchObject({ code: 'DOMAIN_RULE_VIOLATION', currentStatus: 'ESCALATED' });
    expect(noConsent.violations.map((v) => v.field)).toEqual(['decision.familyConsent']);
    const { state, effects } = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'ASSIGN_OTHER_PROVIDER', leadProviderId: 'prov-anker', familyConsent: true, ...base },
      NOW,
    );
    expect(state.leadProviderId).toBe('prov-anker');
    expect(effectsOf(effects, 'ISSUE_DECISION')[0].assignment.providerId).toBe('prov-anker');
  });

  it('RETURN_WITH_INSTRUCTIONS returns to CHANGES_REQUESTED with the table’s deadline, which escalates again if missed', () => {
    const { state } = applyBreakthroughDecision(
      planCase(),
      ESC,
      {
        code: 'RETURN_WITH_INSTRUCTIONS',
        instructionCodes: ['SMART_RESULTS'],
        resubmitBy: '2026-05-20T10:00:00+02:00',
        ...base,
      },
      NOW,
    );
    expect(state.status).toBe('CHANGES_REQUESTED');
    expect(state.resubmissionDeadlineAt).toBe('2026-05-20T08:00:00.000Z');
    // Rules 2: the drafters are reminded two working days before.
    expect(nextDeadline(state)).toBe('2026-05-18T08:00:00.000Z');
    const missed = applyDueTimers(state, at('2026-05-20T08:00:00.000Z')).state;
    expect(missed.escalations[1]).toMatchObject({
      id: 'traj-0417-esc-2',
      trigger: 'APPROVAL_SLA_EXCEEDED',
      fromStatus: 'CHANGES_REQUESTED',
    });
  });

  it('after the table’s instructions the round-trip count starts afresh', () => {
    const returned = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'RETURN_WITH_INSTRUCTIONS', instructionCodes: ['X'], ...base },
      NOW,
    ).state;
    const resubmitted = applyCommand(
      returned,
      { type: 'submitPlan', actor: PROVIDER, plan: planDraft() },
      NOW,
    ).state;
    const { state } = applyCommand(
      resubmitted,
      { type: 'requestChanges', actor: LT, planVersion: 2, reasonCode: 'MISSING_INFO' },
      NOW,
    );
    expect(state.status).toBe('CHANGES_REQUESTED');
  });

  it('REJECT closes the trajectory as REJECTED without withdrawing the decided case', () => {
    const { state, effects } = applyBreakthroughDecision(planCase(), ESC, { code: 'REJECT', ...base }, NOW);
    expect(state.closure?.reason).toBe('REJECTED');
    expect(effectsOf(effects, 'WITHDRAW_BREAKTHROUGH')).toEqual([]);
  });

  it('AUTHORISE_PROVISIONAL_START decides the offered arrangement and keeps the case open (decisions.md 3)', () => {
    const { state } = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'AUTHORISE_PROVISIONAL_START', ...base },
      NOW,
    );
    expect(state.status).toBe('DECIDED');
    expect(state.decisions[0]).toMatchObject({
      arrangement: OFFER,
      provisional: true,
      cause: 'PROVISIONAL_START',
    });
    expect(state.escalations[0]).toMatchObject({
      status: 'PROVISIONAL',
      deadlineAt: '2026-05-27T08:00:00.000Z',
    });
    expect(state.escalations[0].endedAt).toBeUndefined();
  });

  it('settling a provisional start after the start pays the difference as an adjustment (§7.8)', () => {
    const provisional = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'AUTHORISE_PROVISIONAL_START', ...base },
      NOW,
    ).state;
    const started = applyCommand(provisional, { type: 'confirmStart', actor: PROVIDER }, NOW);
    // 2/3 of the offered 7,500 euro.
    expect(effectsOf(started.effects, 'PAYMENT')[0].tranche.amountCents).toBe(500_000);
    expect(started.state.escalations[0].status).toBe('PROVISIONAL');
    const { state, effects } = applyBreakthroughDecision(
      started.state,
      ESC,
      { code: 'APPROVE_AS_SUBMITTED', ...base },
      at('2026-05-18T08:00:00Z'),
    );
    expect(state.status).toBe('ACTIVE');
    expect(state.decisions[1]).toMatchObject({ arrangement: RECOVERY, provisional: false, version: 2 });
    // 2/3 of 9,000 − 5,000 paid.
    expect(effectsOf(effects, 'PAYMENT')[0]).toMatchObject({
      idempotencyKey: 'traj-0417:ADJUSTMENT:2:1',
      tranche: expect.objectContaining({ amountCents: 100_000, adjustmentCause: 'SCALING' }),
    });
    expect(state.escalations[0].status).toBe('DECIDED');
  });

  it('a provisional settlement allows only approve or reject', () => {
    const provisional = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'AUTHORISE_PROVISIONAL_START', ...base },
      NOW,
    ).state;
    const error = rejection(() =>
      applyBreakthroughDecision(provisional, ESC, { code: 'RECLASSIFY', segment: 'C', ...base }, NOW),
    );
    expect(error.violations[0].field).toBe('decision.code');
  });
});

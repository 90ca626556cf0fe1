import { applyBreakthroughDecision, applyCommand, applyDueTimers } from '@app/domain';
import type { BreakthroughDecision, TrajectoryState } from '@app/domain';
import {
  active,
  at,
  decided,
  effectsOf,
  LT,
  PROVIDER,
  RECOVERY,
  RECOVERY_HEAVY,
  rejection,
  run,
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

function startCase(): TrajectoryState {
  return applyDueTimers(decided(), at('2026-05-06T08:00:00.000Z')).state;
}

function scalingCase(): TrajectoryState {
  return run(
    active(),
    [
      {
        type: 'requestArrangementChange',
        actor: PROVIDER,
        arrangement: RECOVERY_HEAVY,
        reasonCode: 'RESULTS_NOT_MET',
      },
      { type: 'escalate', actor: PROVIDER, trigger: 'FINANCIAL_DISPUTE' },
    ],
    T0,
  ).state;
}

describe('table decisions on a provider-start case (§7.4: back to DECIDED)', () => {
  it.each(['APPROVE_AS_SUBMITTED', 'REJECT'] as const)(
    '%s keeps the decision and restarts the provider clock',
    (code) => {
      const { state, effects } = applyBreakthroughDecision(
        startCase(),
        ESC,
        { code, ...base } as BreakthroughDecision,
        NOW,
      );
      expect(state.status).toBe('DECIDED');
      expect(state.decisions).toHaveLength(1);
      expect(state.providerStartDeadlineAt).toBe('2026-05-27T08:00:00.000Z');
      expect(effectsOf(effects, 'ISSUE_DECISION')).toEqual([]);
    },
  );

  it('APPROVE_WITH_ARRANGEMENT issues decision v2 on the clarified tariff', () => {
    const { state } = applyBreakthroughDecision(
      startCase(),
      ESC,
      { code: 'APPROVE_WITH_ARRANGEMENT', arrangement: RECOVERY_HEAVY, ...base },
      NOW,
    );
    expect(state.decisions[1]).toMatchObject({ version: 2, arrangement: RECOVERY_HEAVY });
    expect(state.status).toBe('DECIDED');
  });

  it('ASSIGN_OTHER_PROVIDER sends a new 301 to the other provider', () => {
    const { state, effects } = applyBreakthroughDecision(
      startCase(),
      ESC,
      { code: 'ASSIGN_OTHER_PROVIDER', leadProviderId: 'prov-anker', familyConsent: true, ...base },
      NOW,
    );
    expect(state.status).toBe('DECIDED');
    expect(effectsOf(effects, 'ISSUE_DECISION')[0]).toMatchObject({
      decision: { cause: 'PROVIDER_REASSIGNMENT' },
      assignment: { providerId: 'prov-anker', idempotencyKey: 'traj-0417:301:2' },
    });
  });
});

describe('table decisions on a scaling case (§7.4 DEFAULT: back to ACTIVE)', () => {
  it('APPROVE_AS_SUBMITTED applies the requested arrangement with its adjustment', () => {
    const { state, effects } = applyBreakthroughDecision(
      scalingCase(),
      ESC,
      { code: 'APPROVE_AS_SUBMITTED', ...base },
      NOW,
    );
    expect(state.status).toBe('ACTIVE');
    expect(state.pendingChange).toBeUndefined();
    expect(effectsOf(effects, 'PAYMENT')[0].tranche.amountCents).toBe(200_000);
  });

  it('RETURN_WITH_INSTRUCTIONS hands the change back; it lapses when not resubmitted in time (Ascension Day and Whit Monday skipped)', () => {
    const { state } = applyBreakthroughDecision(
      scalingCase(),
      ESC,
      { code: 'RETURN_WITH_INSTRUCTIONS', instructionCodes: ['EVIDENCE'], ...base },
      NOW,
    );
    expect(state.pendingChange).toMatchObject({
      status: 'CHANGES_REQUESTED',
      deadlineAt: '2026-05-27T08:00:00.000Z',
    });
    const lapsed = applyDueTimers(state, at('2026-05-27T08:00:00.000Z'));
    expect(lapsed.state.pendingChange).toBeUndefined();
    expect(effectsOf(lapsed.effects, 'AUDIT')[0].type).toBe('ARRANGEMENT_CHANGE_LAPSED');
  });

  it('REJECT keeps the current arrangement', () => {
    const { state } = applyBreakthroughDecision(scalingCase(), ESC, { code: 'REJECT', ...base }, NOW);
    expect(state.decisions).toHaveLength(1);
    expect(state.pendingChange).toBeUndefined();
    expect(state.status).toBe('ACTIVE');
  });

  it('does not allow moving the client to another provider from a scaling case', () => {
    const error = rejection(() =>
      applyBreakthroughDecision(
        scalingCase(),
        ESC,
        { code: 'ASSIGN_OTHER_PROVIDER', leadProviderId: 'p', familyConsent: true, ...base },
        NOW,
      ),
    );
    expect(error.violations[0].field).toBe('decision.code');
  });
});

describe('rejected table decisions', () => {
  it('an unknown or closed escalation is an invalid transition (409)', () => {
    const error = rejection(() =>
      applyBreakthroughDecision(planCase(), 'nope', { code: 'REJECT', ...base }, NOW),
    );
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'ESCALATED',
      action: 'applyBreakthroughDecision',
    });
    const decidedOnce = applyBreakthroughDecision(
      planCase(),
      ESC,
      { code: 'APPROVE_AS_SUBMITTED', ...base },
      NOW,
    ).state;
    expect(
      rejection(() => applyBreakthroughDecision(decidedOnce, ESC, { code: 'REJECT', ...base }, NOW)).code,
    ).toBe('INVALID_TRANSITION');
  });

  it('only the table decides, with a rationale (§4.3)', () => {
    const error = rejection(() =>
      applyBreakthroughDecision(
        planCase(),
        ESC,
        { code: 'APPROVE_AS_SUBMITTED', decidedBy: LT, rationaleRef: '' },
        NOW,
      ),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['decision.decidedBy', 'decision.rationaleRef']);
  });

  it('an arrangement of the wrong domain is refused', () => {
    const error = rejection(() =>
      applyBreakthroughDecision(
        planCase(),
        ESC,
        { code: 'APPROVE_WITH_ARRANGEMENT', arrangement: { ...OFFER, domain: 'WMO' }, ...base },
        NOW,
      ),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['decision.arrangement.domain']);
  });
});

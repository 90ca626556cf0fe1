import { applyCommand } from '@app/domain';
import type { TrajectoryCommand } from '@app/domain';
import {
  CASE,
  effectsOf,
  LT,
  planDraft,
  PROVIDER,
  rejection,
  run,
  signedAll,
  start,
  submitted,
  T0,
  TABLE,
} from '../../testing/trajectory-fixtures';

describe('signPlan (R-ROLE-04)', () => {
  it('records a required signature and notifies when the plan is fully signed', () => {
    const state0 = submitted();
    const first = applyCommand(
      state0,
      { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' },
      T0,
    );
    expect(first.state.plan?.signatures).toEqual([
      { party: 'CLIENT', actorRef: CASE.ref, signedAt: T0.toISOString() },
    ]);
    expect(effectsOf(first.effects, 'NOTIFY')).toEqual([]);
    const second = applyCommand(
      first.state,
      { type: 'signPlan', actor: PROVIDER, planVersion: 1, party: 'LEAD_PROVIDER' },
      T0,
    );
    expect(effectsOf(second.effects, 'NOTIFY')).toEqual([
      expect.objectContaining({ topic: 'PLAN_FULLY_SIGNED' }),
    ]);
  });

  it.each([
    [
      'a party not in requiredSignatures',
      { actor: LT, party: 'LOCAL_TEAM' as const, planVersion: 1 },
      'party',
    ],
    [
      'a provider signing as the client',
      { actor: PROVIDER, party: 'CLIENT' as const, planVersion: 1 },
      'actor.role',
    ],
    ['a stale plan version', { actor: CASE, party: 'CLIENT' as const, planVersion: 7 }, 'planVersion'],
  ])('refuses %s with 422', (_name, input, field) => {
    const error = rejection(() => applyCommand(submitted(), { type: 'signPlan', ...input }, T0));
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.violations.map((v) => v.field)).toContain(field);
  });

  it('refuses a second signature of the same party', () => {
    const once = applyCommand(
      submitted(),
      { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' },
      T0,
    ).state;
    const error = rejection(() =>
      applyCommand(once, { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' }, T0),
    );
    expect(error.violations[0].message).toContain('already signed');
  });
});

describe('approvePlan (R-ROLE-03, R-ROLE-04, R-ROLE-09)', () => {
  it('refuses approval without all signatures, naming each missing party (422)', () => {
    const error = rejection(() =>
      applyCommand(submitted(), { type: 'approvePlan', actor: LT, planVersion: 1 }, T0),
    );
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.violations.map((v) => v.field)).toEqual(['signatures.CLIENT', 'signatures.LEAD_PROVIDER']);
  });

  it('refuses approval by anyone but the local team (§3.7)', () => {
    const state0 = signedAll(submitted(), T0);
    for (const actor of [PROVIDER, CASE, TABLE]) {
      const error = rejection(() => applyCommand(state0, { type: 'approvePlan', actor, planVersion: 1 }, T0));
      expect(error).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATION',
        violations: [expect.objectContaining({ field: 'actor.role' })],
      });
    }
  });

  it('moves to DECIDED and issues decision v1 with its 301 assignment together', () => {
    const state0 = signedAll(submitted(), T0);
    const { state, effects } = applyCommand(state0, { type: 'approvePlan', actor: LT, planVersion: 1 }, T0);
    expect(state.status).toBe('DECIDED');
    expect(state.plan).toMatchObject({ status: 'APPROVED', approvedBy: 'LOCAL_TEAM' });
    expect(state.rounds[0]).toMatchObject({ decision: 'APPROVED', decidedByRef: LT.ref });
    const [issue] = effectsOf(effects, 'ISSUE_DECISION');
    expect(issue.decision).toMatchObject({
      version: 1,
      cause: 'PLAN_APPROVAL',
      validFrom: T0.toISOString(),
      // No planned end: the policy's 12-month fallback (§7.2 CareDecision validTo).
      validTo: '2027-04-20T08:00:00.000Z',
      providerId: 'prov-horizon',
      totalBudgetCents: 900_000,
      paymentPolicy: expect.objectContaining({ preset: 'WF_RECOVERY' }),
      provisional: false,
    });
    expect(issue.assignment).toEqual({
      providerId: 'prov-horizon',
      decisionVersion: 1,
      idempotencyKey: 'traj-0417:301:1',
    });
    expect(state.providerStartDeadlineAt).toBe('2026-05-06T08:00:00.000Z');
    expect(state.approvalClock).toBeUndefined();
    expect(effectsOf(effects, 'AUDIT').pop()).toMatchObject({
      type: 'PLAN_APPROVED',
      decisionVersion: 1,
      planVersion: 1,
    });
  });

  it('freezes the region split for trajectory prices (decisions.md 1)', () => {
    const state0 = signedAll(
      submitted({ policy: { ...start().policy, regionTrajectorySplit: 'FRIESLAND_70_30' } }),
      T0,
    );
    const { state } = applyCommand(state0, { type: 'approvePlan', actor: LT, planVersion: 1 }, T0);
    expect(state.decisions[0].paymentPolicy.preset).toBe('FRIESLAND_70_30');
  });
});

describe('requestChanges and the round-trip limit (domain.md §4.5)', () => {
  const back = (planVersion: number): TrajectoryCommand => ({
    type: 'requestChanges',
    actor: LT,
    planVersion,
    reasonCode: 'TARIFF_OR_INTENSITY',
  });
  const again: TrajectoryCommand = { type: 'submitPlan', actor: PROVIDER, plan: planDraft() };

  it('returns the plan to CHANGES_REQUESTED with its reason', () => {
    const { state, effects } = applyCommand(submitted(), back(1), T0);
    expect(state.status).toBe('CHANGES_REQUESTED');
    expect(state.rounds[0]).toMatchObject({
      decision: 'CHANGES_REQUESTED',
      reasonCode: 'TARIFF_OR_INTENSITY',
    });
    expect(state.approvalClock).toBeUndefined();
    expect(effectsOf(effects, 'START_BREAKTHROUGH')).toEqual([]);
  });

  it('requires a reason code, and a written comment for OTHER (422)', () => {
    const missing = rejection(() =>
      applyCommand(
        submitted(),
        { type: 'requestChanges', actor: LT, planVersion: 1 } as unknown as TrajectoryCommand,
        T0,
      ),
    );
    expect(missing.violations.map((v) => v.field)).toEqual(['reasonCode']);
    const other = rejection(() =>
      applyCommand(
        submitted(),
        { type: 'requestChanges', actor: LT, planVersion: 1, reasonCode: 'OTHER' },
        T0,
      ),
    );
    expect(other.violations.map((v) => v.field)).toEqual(['commentRef']);
  });

  it('escalates ROUND_TRIP_LIMIT automatically when the third submission is returned', () => {
    const state2 = run(submitted(), [back(1), again, back(2), again], T0).state;
    expect(state2.plan?.version).toBe(3);
    const { state, effects } = applyCommand(state2, back(3), T0);
    expect(state.status).toBe('ESCALATED');
    expect(state.escalations).toEqual([
      expect.objectContaining({
        id: 'traj-0417-esc-1',
        trigger: 'ROUND_TRIP_LIMIT',
        context: 'PLAN',
        fromStatus: 'CHANGES_REQUESTED',
        roundCount: 3,
        raisedBy: { role: 'SYSTEM', ref: 'trajectory-timers' },
      }),
    ]);
    expect(effectsOf(effects, 'AUDIT').map((a) => a.type)).toEqual(['CHANGES_REQUESTED', 'ESCALATED']);
    const [docket] = effectsOf(effects, 'START_BREAKTHROUGH').map((e) => e.docket);
    expect(docket).toMatchObject({
      escalationId: 'traj-0417-esc-1',
      trigger: 'ROUND_TRIP_LIMIT',
      context: 'PLAN',
      roundCount: 3,
      waitingSince: T0.toISOString(),
      workingDaysWaiting: 0,
      askedArrangement: planDraft().arrangement,
      deadlineAt: '2026-05-06T08:00:00.000Z',
      reminderAt: '2026-04-28T08:00:00.000Z',
    });
  });
});

describe('rejectPlan', () => {
  it('closes the trajectory as REJECTED and notifies the case system', () => {
    const { state, effects } = applyCommand(
      submitted(),
      { type: 'rejectPlan', actor: LT, planVersion: 1, reasonCode: 'SEGMENT_FIT' },
      T0,
    );
    expect(state.status).toBe('CLOSED');
    expect(state.closure?.reason).toBe('REJECTED');
    expect(state.rounds[0].decision).toBe('REJECTED');
    expect(effectsOf(effects, 'NOTIFY').map((n) => n.topic)).toEqual(['PLAN_REJECTED', 'TRAJECTORY_CLOSED']);
  });
});

describe('escalate by hand (domain.md §4.2, §4.3)', () => {
  it('lets the local team escalate a financial dispute, pausing the approval clock', () => {
    const { state, effects } = applyCommand(
      submitted(),
      {
        type: 'escalate',
        actor: LT,
        trigger: 'FINANCIAL_DISPUTE',
        offeredArrangement: { ...planDraft().arrangement, tariffCents: 700_000 },
      },
      T0,
    );
    expect(state.status).toBe('ESCALATED');
    expect(state.approvalClock?.pausedAt).toBe(T0.toISOString());
    expect(effectsOf(effects, 'START_BREAKTHROUGH')[0].docket.offeredArrangement?.tariffCents).toBe(700_000);
  });

  it.each([
    ['a system-only trigger', LT, 'APPROVAL_SLA_EXCEEDED', 'trigger'],
    ['a trigger of another context', LT, 'PROVIDER_NOT_STARTING', 'trigger'],
    ['the client-facing case system', CASE, 'FINANCIAL_DISPUTE', 'actor.role'],
  ] as const)('refuses %s (422)', (_name, actor, trigger, field) => {
    const error = rejection(() => applyCommand(submitted(), { type: 'escalate', actor, trigger }, T0));
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.violations.map((v) => v.field)).toEqual([field]);
  });
});

import {
  addWorkingDays,
  applyCommand,
  applyDueTimers,
  nextDeadline,
  policyHolidays,
  trajectoryView,
  upgradeRules,
} from '@app/domain';
import type { TrajectoryEffect, TrajectoryState } from '@app/domain';
import {
  active,
  at,
  CASE,
  created,
  evaluation,
  LT,
  planDraft,
  policy,
  PROVIDER,
  rules1,
  run,
  signedAll,
  submitted,
  T0,
} from '../../testing/trajectory-fixtures';

/** Lets time pass with nobody acting until `until`, as the workflow does; collects every effect. */
function idle(state: TrajectoryState, until: Date) {
  let current = state;
  const effects: TrajectoryEffect[] = [];
  for (let i = 0; i < 500; i += 1) {
    const next = nextDeadline(current);
    if (next === undefined || next > until.toISOString()) break;
    const step = applyDueTimers(current, new Date(next));
    current = step.state;
    effects.push(...step.effects);
  }
  return { state: current, effects };
}

/** The audits the timers wrote, as "TYPE wait @ instant". */
function audits(effects: TrajectoryEffect[]): string[] {
  return effects
    .filter((e): e is Extract<TrajectoryEffect, { kind: 'AUDIT' }> => e.kind === 'AUDIT')
    .map((e) => `${e.type}${e.details.wait ? ` ${String(e.details.wait)}` : ''} @ ${e.at}`);
}

const HOLIDAYS = policyHolidays(policy());
const plusWorkingDays = (iso: string, n: number) => addWorkingDays(new Date(iso), n, HOLIDAYS).toISOString();

describe('every wait for a person has a deadline, a reminder and an outcome (rules 2)', () => {
  it('intake: the local team is reminded before 10 working days, then told every 5 working days', () => {
    const state = created();
    const deadline = plusWorkingDays(T0.toISOString(), 10);
    expect(trajectoryView(state, T0).deadlines.intakeDeadline).toBe(deadline);
    const { effects } = idle(state, at('2026-05-20T12:00:00.000Z'));
    expect(audits(effects)).toEqual([
      // 2 working days before 6 May (Liberation Day on the 5th): Friday 1 May.
      'REMINDER_SENT INTAKE @ 2026-05-01T08:00:00.000Z',
      `WAIT_OVERDUE INTAKE @ ${deadline}`,
      `WAIT_OVERDUE INTAKE @ ${plusWorkingDays(deadline, 5)}`,
    ]);
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'NOTIFY', topic: 'WAIT_OVERDUE', audience: 'LOCAL_TEAM' }),
    );
  });

  it('drafting: 20 working days from the start of drafting, then notices to the drafters', () => {
    const drafting = applyCommand(created(), { type: 'beginDrafting', actor: LT }, T0).state;
    expect(drafting.draftingStartedAt).toBe(T0.toISOString());
    const deadline = plusWorkingDays(T0.toISOString(), 20);
    expect(trajectoryView(drafting, T0).deadlines.draftingDeadline).toBe(deadline);
    const { effects } = idle(drafting, new Date(deadline));
    expect(audits(effects)).toEqual([
      expect.stringMatching(/^REMINDER_SENT DRAFTING @ /),
      `WAIT_OVERDUE DRAFTING @ ${deadline}`,
    ]);
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'NOTIFY', topic: 'WAIT_OVERDUE', audience: 'DRAFTERS' }),
    );
  });

  it('missing signatures go to the table as MISSING_SIGNATURES at the signature deadline (5 working days)', () => {
    const { state, effects } = idle(submitted(), at('2026-04-28T08:00:00.000Z'));
    expect(audits(effects)).toEqual([
      'REMINDER_SENT SIGNATURES @ 2026-04-24T08:00:00.000Z',
      // 21-24 and 28 April: King's Day (27th) is not a working day.
      'ESCALATED @ 2026-04-28T08:00:00.000Z',
    ]);
    expect(state.status).toBe('ESCALATED');
    expect(state.escalations[0]).toMatchObject({ trigger: 'MISSING_SIGNATURES', context: 'PLAN' });
  });

  it('with every signature, the local team is reminded and the approval deadline escalates', () => {
    const signed = signedAll(submitted(), T0);
    const { state, effects } = idle(signed, at('2026-05-06T08:00:00.000Z'));
    expect(audits(effects)).toEqual([
      'REMINDER_SENT APPROVAL @ 2026-05-01T08:00:00.000Z',
      'ESCALATED @ 2026-05-06T08:00:00.000Z',
    ]);
    expect(state.escalations[0]).toMatchObject({ trigger: 'APPROVAL_SLA_EXCEEDED' });
  });

  it('a plan returned by the local team must come back within 10 working days, or it goes to the table', () => {
    const returned = applyCommand(
      signedAll(submitted(), T0),
      { type: 'requestChanges', actor: LT, planVersion: 1, reasonCode: 'RESULTS_UNCLEAR' },
      T0,
    ).state;
    const deadline = plusWorkingDays(T0.toISOString(), 10);
    expect(returned.resubmissionDeadlineAt).toBe(deadline);
    const { state, effects } = idle(returned, new Date(deadline));
    expect(audits(effects)).toEqual([
      expect.stringMatching(/^REMINDER_SENT RESUBMISSION @ /),
      `ESCALATED @ ${deadline}`,
    ]);
    expect(state.escalations[0]).toMatchObject({
      trigger: 'APPROVAL_SLA_EXCEEDED',
      fromStatus: 'CHANGES_REQUESTED',
    });
  });

  it('the provider is reminded before its start deadline', () => {
    const decided = applyCommand(
      signedAll(submitted(), T0),
      { type: 'approvePlan', actor: LT, planVersion: 1 },
      T0,
    ).state;
    const { effects } = idle(decided, at('2026-05-06T08:00:00.000Z'));
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'NOTIFY', topic: 'DEADLINE_APPROACHING', audience: 'PROVIDER' }),
    );
    expect(audits(effects).at(-1)).toBe('ESCALATED @ 2026-05-06T08:00:00.000Z');
  });

  it('an overdue evaluation is brought up every 5 working days until it is held', () => {
    const state = active();
    const overdueAt = idle(state, at('2026-07-21T00:00:00.000Z')).state.care.evaluationOverdueAt!;
    const { effects } = idle(state, new Date(plusWorkingDays(overdueAt, 10)));
    expect(audits(effects)).toEqual([
      expect.stringMatching(/^EVALUATION_DUE @ /),
      `EVALUATION_OVERDUE @ ${overdueAt}`,
      `WAIT_OVERDUE EVALUATION @ ${overdueAt}`,
      `WAIT_OVERDUE EVALUATION @ ${plusWorkingDays(overdueAt, 5)}`,
      `WAIT_OVERDUE EVALUATION @ ${plusWorkingDays(overdueAt, 10)}`,
    ]);
  });

  it('a scaling asked for by an evaluation and never requested lapses after 10 working days', () => {
    const asked = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'SCALE_UP' }) },
      T0,
    ).state;
    expect(asked.scalingAsked).toBeDefined();
    const deadline = plusWorkingDays(T0.toISOString(), 10);
    const { state, effects } = idle(asked, new Date(deadline));
    expect(audits(effects)).toEqual([
      expect.stringMatching(/^REMINDER_SENT SCALING_EXPECTED @ /),
      `SCALING_REQUEST_LAPSED @ ${deadline}`,
    ]);
    expect(state.scalingAsked).toBeUndefined();
    expect(state.status).toBe('ACTIVE');
  });

  it('a returned arrangement change lapses when it is not resubmitted within 10 working days', () => {
    const requested = applyCommand(
      active(),
      {
        type: 'requestArrangementChange',
        actor: PROVIDER,
        arrangement: { ...planDraft().arrangement, code: 'JGD-B-PROF2-ZWAAR', tariffCents: 1_200_000 },
        reasonCode: 'MORE_SUPPORT',
      },
      T0,
    ).state;
    const returned = applyCommand(
      requested,
      {
        type: 'decideArrangementChange',
        actor: LT,
        changeId: requested.pendingChange!.id,
        decision: 'REQUEST_CHANGES',
        reasonCode: 'TARIFF_OR_INTENSITY',
      },
      T0,
    ).state;
    const deadline = plusWorkingDays(T0.toISOString(), 10);
    expect(returned.pendingChange).toMatchObject({ status: 'CHANGES_REQUESTED', deadlineAt: deadline });
    const { state } = idle(returned, new Date(deadline));
    expect(state.pendingChange).toBeUndefined();
  });

  it('each reminder is sent once per deadline, also across a JSON round trip', () => {
    const first = idle(submitted(), at('2026-04-24T09:00:00.000Z'));
    const again = idle(JSON.parse(JSON.stringify(first.state)), at('2026-04-27T12:00:00.000Z'));
    expect(audits(again.effects)).toEqual([]);
  });
});

describe('the signature deadlock as a region resolves it (signaturesBeforeApproval, [001:L287])', () => {
  it('approves once the signatures the region requires first are there; the others follow until the start', () => {
    const clientFirst = submitted({ policy: policy({ signaturesBeforeApproval: ['CLIENT'] }) });
    const signed = applyCommand(
      clientFirst,
      { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' },
      T0,
    ).state;
    const decided = applyCommand(signed, { type: 'approvePlan', actor: LT, planVersion: 1 }, T0).state;
    expect(decided.status).toBe('DECIDED');
    expect(trajectoryView(decided, T0).allowedActions).toContain('signPlan');
    const complete = applyCommand(
      decided,
      { type: 'signPlan', actor: PROVIDER, planVersion: 1, party: 'LEAD_PROVIDER' },
      T0,
    ).state;
    expect(complete.plan!.signatures.map((s) => s.party)).toEqual(['CLIENT', 'LEAD_PROVIDER']);
    expect(trajectoryView(complete, T0).allowedActions).not.toContain('signPlan');
  });

  it('by default (ALL) every required signature precedes the approval (R-ROLE-04)', () => {
    const state = applyCommand(
      submitted(),
      { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' },
      T0,
    ).state;
    expect(() => applyCommand(state, { type: 'approvePlan', actor: LT, planVersion: 1 }, T0)).toThrow(
      /LEAD_PROVIDER has not signed/,
    );
  });
});

describe('a trajectory begun under rules 1 moves to rules 2', () => {
  it('starts the clocks rules 1 did not keep, from now, and audits the move', () => {
    const old = rules1(applyCommand(created(), { type: 'beginDrafting', actor: LT }, T0).state);
    expect(nextDeadline(old)).toBeUndefined();
    const later = at('2026-06-01T08:00:00.000Z');
    const { state, effects } = upgradeRules(old, later);
    expect(state).toMatchObject({ rulesVersion: 2, draftingStartedAt: later.toISOString() });
    expect(audits(effects)).toEqual(['RULES_UPGRADED @ 2026-06-01T08:00:00.000Z']);
    expect(trajectoryView(state, later).deadlines.draftingDeadline).toBe(
      plusWorkingDays(later.toISOString(), 20),
    );
    expect(upgradeRules(state, later).effects).toEqual([]);
  });

  it('gives a returned plan its resubmission deadline', () => {
    const returned = rules1(
      run(
        signedAll(submitted(), T0),
        [{ type: 'requestChanges', actor: LT, planVersion: 1, reasonCode: 'RESULTS_UNCLEAR' }],
        T0,
      ).state,
    );
    delete returned.resubmissionDeadlineAt;
    const { state } = upgradeRules(returned, T0);
    expect(state.resubmissionDeadlineAt).toBe(plusWorkingDays(T0.toISOString(), 10));
  });
});

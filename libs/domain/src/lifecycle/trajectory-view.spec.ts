import {
  allowedActions,
  applyCommand,
  applyDueTimers,
  isAtEvaluationBoundary,
  trajectoryView,
} from '@app/domain';
import {
  active,
  at,
  CASE,
  created,
  decided,
  LT,
  PROVIDER,
  RECOVERY_HEAVY,
  submitted,
  T0,
} from '../../testing/trajectory-fixtures';

describe('trajectoryView: who is blocking, until when (P03, domain.md §7.6 getStatus)', () => {
  it('AWAITING_APPROVAL: each missing signature and the local team, until the approval deadline', () => {
    const state = applyCommand(
      submitted(),
      { type: 'signPlan', actor: CASE, planVersion: 1, party: 'CLIENT' },
      T0,
    ).state;
    const view = trajectoryView(state, T0);
    expect(view.missingSignatures).toEqual(['LEAD_PROVIDER']);
    // The signatory has 5 working days (21-24 and 28 April; King's Day), the local team 10 (§4.5).
    expect(view.blocking).toEqual([
      {
        party: 'LEAD_PROVIDER',
        reason: 'SIGNATURE_MISSING',
        until: '2026-04-28T08:00:00.000Z',
        overdue: false,
      },
      { party: 'LOCAL_TEAM', reason: 'APPROVAL_DECISION', until: '2026-05-06T08:00:00.000Z', overdue: false },
    ]);
    expect(view.deadlines.signatureDeadline).toBe('2026-04-28T08:00:00.000Z');
    expect(view.deadlines.approvalDeadline).toBe('2026-05-06T08:00:00.000Z');
    // The next thing the trajectory does on its own: remind the signatory, halfway through its 5 days.
    expect(view.nextDeadline).toBe('2026-04-24T08:00:00.000Z');
    expect(view.allowedActions).toEqual([
      'signPlan',
      'requestChanges',
      'approvePlan',
      'rejectPlan',
      'escalate',
    ]);
  });

  it('DECIDED: the provider, until the start deadline', () => {
    expect(trajectoryView(decided(), T0).blocking).toEqual([
      { party: 'PROVIDER', reason: 'START_OF_CARE', until: '2026-05-06T08:00:00.000Z', overdue: false },
    ]);
  });

  it('ESCALATED: the table until its deadline, shown overdue but never decided by default', () => {
    const escalated = applyDueTimers(submitted(), at('2026-05-06T08:00:00.000Z')).state;
    const view = trajectoryView(escalated, at('2026-05-25T08:00:00.000Z'));
    expect(view.subFlags.escalated).toBe(true);
    expect(view.openEscalation).toMatchObject({
      id: 'traj-0417-esc-1',
      overdue: true,
      deadlineAt: '2026-05-21T08:00:00.000Z',
    });
    expect(view.blocking).toEqual([
      {
        party: 'BREAKTHROUGH_TABLE',
        reason: 'BREAKTHROUGH_PLAN',
        until: '2026-05-21T08:00:00.000Z',
        overdue: true,
      },
    ]);
    expect(view.deadlines.approvalClockPausedAt).toBe('2026-05-06T08:00:00.000Z');
    expect(view.allowedActions).toEqual([]);
  });

  it('ACTIVE: sub-flags for a due evaluation and a pending change', () => {
    const due = applyDueTimers(active(), at('2026-07-20T08:00:00.000Z')).state;
    const changing = applyCommand(
      due,
      { type: 'requestArrangementChange', actor: PROVIDER, arrangement: RECOVERY_HEAVY, reasonCode: 'X' },
      at('2026-07-21T08:00:00.000Z'),
    ).state;
    const view = trajectoryView(changing, at('2026-07-21T08:00:00.000Z'));
    expect(view.subFlags).toEqual({
      evaluationDue: true,
      evaluationOverdue: false,
      scalingPending: true,
      escalated: false,
      provisionalStart: false,
    });
    expect(view.blocking.map((b) => [b.party, b.reason])).toEqual([
      ['LOCAL_TEAM', 'EVALUATION_DUE'],
      ['LOCAL_TEAM', 'ARRANGEMENT_CHANGE_DECISION'],
    ]);
    expect(view.pendingChange).toEqual({
      id: 'traj-0417-chg-1',
      direction: 'UP',
      status: 'SUBMITTED',
      round: 1,
      deadlineAt: '2026-08-04T08:00:00.000Z',
    });
  });
});

describe('allowedActions per state (domain.md §7.4 "From")', () => {
  it.each([
    ['INTAKE', () => created(), ['beginDrafting', 'recordPlanExemption', 'withdraw']],
    [
      'DRAFTING',
      () => applyCommand(created(), { type: 'beginDrafting', actor: LT }, T0).state,
      ['withdraw', 'chooseLeadProvider', 'submitPlan'],
    ],
    ['DECIDED', () => decided(), ['escalate', 'confirmStart', 'amendDecisionPrice']],
    [
      'ACTIVE',
      () => active(),
      [
        'recordEvaluation',
        'requestArrangementChange',
        'confirmCompletion',
        'reportDropout',
        'reportNewCareNeed',
        'switchProvider',
        'transferClient',
        'withholdPayment',
        'amendDecisionPrice',
      ],
    ],
  ] as const)('%s', (_status, build, expected) => {
    expect(allowedActions(build())).toEqual(expected);
  });
});

describe('isAtEvaluationBoundary (a quiet point for continue-as-new)', () => {
  it('holds for ACTIVE care without a table case or a pending change', () => {
    expect(isAtEvaluationBoundary(active())).toBe(true);
    expect(isAtEvaluationBoundary(decided())).toBe(false);
    const changing = applyCommand(
      active(),
      { type: 'requestArrangementChange', actor: PROVIDER, arrangement: RECOVERY_HEAVY, reasonCode: 'X' },
      T0,
    ).state;
    expect(isAtEvaluationBoundary(changing)).toBe(false);
  });
});

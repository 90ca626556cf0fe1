import { applyCommand } from '@app/domain';
import {
  active,
  at,
  CASE,
  effectsOf,
  evaluation,
  LT,
  PROVIDER,
  rejection,
} from '../../testing/trajectory-fixtures';

const LATER = at('2026-07-21T08:00:00.000Z');

describe('closures from care (domain.md §7.4, §7.8)', () => {
  it('reportDropout closes EARLY_DROPOUT and cancels the final tranche', () => {
    const { state, effects } = applyCommand(
      active(),
      { type: 'reportDropout', actor: PROVIDER, reasonCode: 'NO_SHOW' },
      LATER,
    );
    expect(state.closure?.reason).toBe('EARLY_DROPOUT');
    expect(effectsOf(effects, 'CANCEL_PAYMENT')).toHaveLength(1);
    expect(effectsOf(effects, 'CLOSED')[0].outcome.dropout).toBe(true);
  });

  it('reportNewCareNeed with the local team’s confirmation pays the final and starts a linked successor', () => {
    const { state, effects } = applyCommand(
      active(),
      {
        type: 'reportNewCareNeed',
        actor: LT,
        successorCaseReference: 'CASE-2026-0999',
        oldPlanCompleted: true,
      },
      LATER,
    );
    expect(state.closure?.reason).toBe('RESTARTED_FOR_NEW_NEED');
    expect(state.successorTrajectoryId).toBe('traj-0417-successor');
    expect(effectsOf(effects, 'PAYMENT')[0].tranche).toMatchObject({ kind: 'FINAL', amountCents: 300_000 });
    expect(effectsOf(effects, 'START_SUCCESSOR')[0].start).toMatchObject({
      trajectoryId: 'traj-0417-successor',
      caseReference: 'CASE-2026-0999',
      predecessorTrajectoryId: 'traj-0417',
      clientId: 'cl-9f3a',
      leadProviderId: 'prov-horizon',
      requestedBy: LT,
    });
    expect(effectsOf(effects, 'CLOSED')[0].successorTrajectoryId).toBe('traj-0417-successor');
  });

  it('reportNewCareNeed without confirmation is an early end; only the local team may confirm', () => {
    const { effects } = applyCommand(
      active(),
      {
        type: 'reportNewCareNeed',
        actor: CASE,
        successorCaseReference: 'CASE-2',
        successorTrajectoryId: 'traj-0500',
        oldPlanCompleted: false,
      },
      LATER,
    );
    expect(effectsOf(effects, 'CANCEL_PAYMENT')[0].reason).toBe('EARLY_END');
    const error = rejection(() =>
      applyCommand(
        active(),
        { type: 'reportNewCareNeed', actor: CASE, successorCaseReference: 'CASE-2', oldPlanCompleted: true },
        LATER,
      ),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['oldPlanCompleted']);
  });

  it('switchProvider (the client’s choice) starts the successor with the new provider', () => {
    const { state, effects } = applyCommand(
      active(),
      {
        type: 'switchProvider',
        actor: CASE,
        newLeadProviderId: 'prov-anker',
        chosenByFamily: true,
        successorCaseReference: 'CASE-3',
      },
      LATER,
    );
    expect(state.closure?.reason).toBe('CLIENT_SWITCHED_PROVIDER');
    expect(effectsOf(effects, 'START_SUCCESSOR')[0].start.leadProviderId).toBe('prov-anker');
    expect(effectsOf(effects, 'CANCEL_PAYMENT')[0].reason).toBe('EARLY_END');
  });

  it('refuses a switch the family did not choose, or to the same provider', () => {
    const error = rejection(() =>
      applyCommand(
        active(),
        {
          type: 'switchProvider',
          actor: LT,
          newLeadProviderId: 'prov-horizon',
          chosenByFamily: false,
          successorCaseReference: 'C',
        },
        LATER,
      ),
    );
    expect(error.violations.map((v) => v.field).sort()).toEqual(['chosenByFamily', 'newLeadProviderId']);
  });

  it('transferClient closes TRANSFERRED_BY_MUNICIPALITY with a reason', () => {
    const { state } = applyCommand(
      active(),
      {
        type: 'transferClient',
        actor: LT,
        newLeadProviderId: 'prov-anker',
        reasonCode: 'UNDERPERFORMANCE',
        successorCaseReference: 'CASE-4',
      },
      LATER,
    );
    expect(state.closure?.reason).toBe('TRANSFERRED_BY_MUNICIPALITY');
  });

  it('confirmCompletion from REASSESSMENT completes per plan', () => {
    const reassessing = applyCommand(
      active(),
      { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'REASSESS' }) },
      LATER,
    ).state;
    const { state } = applyCommand(
      reassessing,
      { type: 'confirmCompletion', actor: LT, finalEvaluation: evaluation({ outcome: 'COMPLETE' }) },
      LATER,
    );
    expect(state.closure?.reason).toBe('COMPLETED_PER_PLAN');
    expect(state.evaluations.map((e) => e.type)).toEqual(['INTERIM_REQUESTED', 'FINAL']);
  });
});

import { applyCommand, createTrajectory } from '@app/domain';
import {
  CASE,
  deepFreeze,
  LT,
  PROVIDER,
  rejection,
  roundTrip,
  start,
  T0,
} from '../../testing/trajectory-fixtures';

describe('createTrajectory (domain.md §7.4 start)', () => {
  it('registers a trajectory in INTAKE with one audit record, seq 1', () => {
    const { state, effects } = createTrajectory(start(), T0);
    expect(state.status).toBe('INTAKE');
    expect(state.auditSeq).toBe(1);
    expect(state.createdAt).toBe('2026-04-20T08:00:00.000Z');
    expect(effects).toEqual([
      expect.objectContaining({
        kind: 'AUDIT',
        seq: 1,
        type: 'TRAJECTORY_STARTED',
        actor: CASE,
        at: state.createdAt,
      }),
    ]);
  });

  it('keeps its own copy of the policy snapshot (decisions.md 2)', () => {
    const input = start();
    const { state } = createTrajectory(input, T0);
    expect(state.policy).toEqual(input.policy);
    expect(state.policy).not.toBe(input.policy);
  });

  it('refuses start data that break a rule with DOMAIN_RULE_VIOLATION and every violation listed', () => {
    const error = rejection(() =>
      createTrajectory(
        start({
          trajectoryId: 'a:b',
          clientId: '',
          requestedBy: PROVIDER,
          policy: { ...start().policy, roundTripLimit: 0 },
        }),
        T0,
      ),
    );
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(error.currentStatus).toBe('NONE');
    expect(error.violations.map((v) => v.field)).toEqual(
      expect.arrayContaining(['trajectoryId', 'clientId', 'requestedBy.role', 'policy']),
    );
  });

  it('produces plain JSON state that survives a round trip (continue-as-new)', () => {
    const { state } = createTrajectory(start(), T0);
    expect(roundTrip(state)).toEqual(state);
  });

  it('never mutates the state it is given', () => {
    const state = deepFreeze(createTrajectory(start(), T0).state);
    expect(() => applyCommand(state, { type: 'beginDrafting', actor: LT }, T0)).not.toThrow();
  });
});

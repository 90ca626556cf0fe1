import { applyCommand, createTrajectory, creationInstant, RECEIPT_TOLERANCE_MS } from '@app/domain';
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

describe('creationInstant (history version 3, issue 20)', () => {
  const now = new Date('2026-04-20T08:00:00.000Z');
  const received = (msBefore: number) =>
    start({ receivedAt: new Date(now.getTime() - msBefore).toISOString() });

  it('is the receipt when it lies within the tolerance before the workflow first runs', () => {
    expect(creationInstant(received(0), now)).toEqual(now);
    expect(creationInstant(received(40), now).toISOString()).toBe('2026-04-20T07:59:59.960Z');
    expect(creationInstant(received(RECEIPT_TOLERANCE_MS), now).getTime()).toBe(
      now.getTime() - RECEIPT_TOLERANCE_MS,
    );
  });

  it('is now for a start without receipt, one that waited longer, one from a clock ahead, or a bad instant', () => {
    expect(creationInstant(start(), now)).toBe(now);
    expect(creationInstant(received(RECEIPT_TOLERANCE_MS + 1), now)).toBe(now);
    expect(creationInstant(received(-1000), now)).toBe(now);
    expect(creationInstant(start({ receivedAt: 'yesterday' }), now)).toBe(now);
  });
});

import { applyCommand, assertCommandAllowed, createTrajectory } from '@app/domain';
import type { TrajectoryCommand } from '@app/domain';
import {
  CASE,
  created,
  LT,
  planDraft,
  PROVIDER,
  rejection,
  run,
  start,
  submitted,
  T0,
} from '../../testing/trajectory-fixtures';

describe('invalid transitions answer 409 with the state and its allowed actions', () => {
  const cases: [string, () => ReturnType<typeof created>, TrajectoryCommand][] = [
    ['submitPlan in INTAKE', () => created(), { type: 'submitPlan', actor: PROVIDER, plan: planDraft() }],
    [
      'approvePlan in DRAFTING',
      () => run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state,
      { type: 'approvePlan', actor: LT, planVersion: 1 },
    ],
    ['withdraw in AWAITING_APPROVAL', () => submitted(), { type: 'withdraw', actor: CASE }],
    ['confirmStart in AWAITING_APPROVAL', () => submitted(), { type: 'confirmStart', actor: PROVIDER }],
    [
      'beginDrafting twice',
      () => run(created(), [{ type: 'beginDrafting', actor: LT }], T0).state,
      { type: 'beginDrafting', actor: LT },
    ],
  ];
  it.each(cases)('%s', (_name, state, command) => {
    const s = state();
    const error = rejection(() => assertCommandAllowed(s, command, T0));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.currentStatus).toBe(s.status);
    expect(error.allowedActions.length).toBeGreaterThan(0);
    expect(error.allowedActions).not.toContain(command.type);
    expect(error.toJSON()).toMatchObject({ code: 'INVALID_TRANSITION', action: command.type });
  });

  it('every command is refused once CLOSED, with no allowed actions', () => {
    const closed = applyCommand(created(), { type: 'withdraw', actor: CASE }, T0).state;
    const error = rejection(() => applyCommand(closed, { type: 'beginDrafting', actor: LT }, T0));
    expect(error).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'CLOSED', allowedActions: [] });
  });

  it('an unknown command type is an invalid transition', () => {
    const error = rejection(() =>
      assertCommandAllowed(created(), { type: 'launch', actor: LT } as unknown as TrajectoryCommand, T0),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
  });
});

describe('command ids make retries safe', () => {
  it('a repeated commandId is accepted by the validator and applies nothing', () => {
    const first = applyCommand(created(), { type: 'beginDrafting', actor: LT, commandId: 'c-1' }, T0);
    expect(() =>
      assertCommandAllowed(first.state, { type: 'beginDrafting', actor: LT, commandId: 'c-1' }, T0),
    ).not.toThrow();
    const again = applyCommand(first.state, { type: 'beginDrafting', actor: LT, commandId: 'c-1' }, T0);
    expect(again.effects).toEqual([]);
    expect(again.state).toBe(first.state);
  });

  it('the validator leaves the state unchanged', () => {
    const state = createTrajectory(start(), T0).state;
    const before = JSON.stringify(state);
    assertCommandAllowed(state, { type: 'beginDrafting', actor: LT }, T0);
    expect(JSON.stringify(state)).toBe(before);
  });
});

import { applyCommand } from '@app/domain';
import {
  submitted,
  T0,
  TABLE,
  LT,
  RECOVERY,
  effectsOf,
  rejection,
  at,
} from '../../testing/trajectory-fixtures';
import type { BreakthroughCaseState } from './breakthrough-case';
import {
  applyCaseCommand,
  applyCaseTimers,
  assertCaseCommandAllowed,
  nextCaseDeadline,
  openBreakthroughCase,
} from './breakthrough-case-transitions';
import type { BreakthroughDocket } from './breakthrough-docket';
import { decisionsFor } from './breakthrough-decision-rules';

function docket(): BreakthroughDocket {
  const { effects } = applyCommand(
    submitted(),
    {
      type: 'escalate',
      actor: LT,
      trigger: 'FINANCIAL_DISPUTE',
      offeredArrangement: { ...RECOVERY, tariffCents: 700_000 },
    },
    T0,
  );
  return effectsOf(effects, 'START_BREAKTHROUGH')[0].docket;
}

function opened(): BreakthroughCaseState {
  return openBreakthroughCase(docket(), T0).state;
}

const base = { decidedBy: TABLE, rationaleRef: 'minutes-1' };

describe('the breakthrough table case (domain.md §4.5, §7.6)', () => {
  it('opens OPEN with the docket’s deadline and reminder and tells the table', () => {
    const { state, effects } = openBreakthroughCase(docket(), T0);
    expect(state).toMatchObject({
      status: 'OPEN',
      deadlineAt: '2026-05-06T08:00:00.000Z',
      reminderAt: '2026-04-28T08:00:00.000Z',
      overdue: false,
    });
    expect(effects.map((e) => e.kind)).toEqual(['AUDIT', 'NOTIFY']);
    expect(nextCaseDeadline(state)).toBe('2026-04-28T08:00:00.000Z');
  });

  it('sends the reminder at 5 working days, then marks the case overdue and tells contract management', () => {
    const reminded = applyCaseTimers(opened(), at('2026-04-28T08:00:00.000Z'));
    expect(reminded.state.reminderSent).toBe(true);
    expect(
      reminded.effects.filter((e) => e.kind === 'NOTIFY').map((e) => e.kind === 'NOTIFY' && e.topic),
    ).toEqual(['TABLE_REMINDER']);
    expect(nextCaseDeadline(reminded.state)).toBe('2026-05-06T08:00:00.000Z');
    const overdue = applyCaseTimers(reminded.state, at('2026-05-06T08:00:00.000Z'));
    expect(overdue.state).toMatchObject({ status: 'OVERDUE', overdue: true });
    expect(overdue.effects).toContainEqual(
      expect.objectContaining({ kind: 'NOTIFY', topic: 'TABLE_OVERDUE', audience: 'CONTRACT_MANAGEMENT' }),
    );
    expect(nextCaseDeadline(overdue.state)).toBeUndefined();
  });

  it('never approves by default: an overdue case still waits for a decision (decisions.md 10)', () => {
    const overdue = applyCaseTimers(opened(), at('2026-06-30T08:00:00.000Z')).state;
    expect(overdue.decisions).toEqual([]);
    const { state, effects } = applyCaseCommand(
      overdue,
      { type: 'recordDecision', decision: { code: 'REJECT', ...base } },
      at('2026-07-01T08:00:00.000Z'),
    );
    expect(state.status).toBe('DECIDED');
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'DECISION_RECORDED', final: true, escalationId: 'traj-0417-esc-1' }),
    );
  });

  it('a provisional start keeps the case open on a fresh clock for the settlement (decisions.md 3)', () => {
    const now = at('2026-04-22T08:00:00.000Z');
    const { state, effects } = applyCaseCommand(
      opened(),
      { type: 'recordDecision', decision: { code: 'AUTHORISE_PROVISIONAL_START', ...base } },
      now,
    );
    expect(state).toMatchObject({
      status: 'PROVISIONAL',
      deadlineAt: '2026-05-08T08:00:00.000Z',
      reminderSent: false,
    });
    expect(effects).toContainEqual(expect.objectContaining({ kind: 'DECISION_RECORDED', final: false }));
    expect(decisionsFor({ context: 'PLAN', status: 'PROVISIONAL' })).toEqual([
      'APPROVE_AS_SUBMITTED',
      'APPROVE_WITH_ARRANGEMENT',
      'REJECT',
    ]);
  });

  it('assigns a named chair; only the table does that', () => {
    const { state } = applyCaseCommand(
      opened(),
      { type: 'assign', actor: TABLE, chairRef: 'chair-9', memberRefs: ['m-1'] },
      T0,
    );
    expect(state).toMatchObject({ chairRef: 'chair-9', memberRefs: ['m-1'] });
    const error = rejection(() =>
      assertCaseCommandAllowed(opened(), { type: 'assign', actor: LT, chairRef: 'x' }, T0),
    );
    expect(error.code).toBe('DOMAIN_RULE_VIOLATION');
  });

  it('refuses a decision without rationale (422) and anything after the case ended (409)', () => {
    const noRationale = rejection(() =>
      applyCaseCommand(
        opened(),
        { type: 'recordDecision', decision: { code: 'REJECT', decidedBy: TABLE, rationaleRef: '' } },
        T0,
      ),
    );
    expect(noRationale.violations.map((v) => v.field)).toEqual(['decision.rationaleRef']);
    const withdrawn = applyCaseCommand(
      opened(),
      { type: 'withdraw', actor: { role: 'SYSTEM', ref: 'trajectory' }, reason: 'PROVIDER_STARTED' },
      T0,
    ).state;
    expect(withdrawn.status).toBe('WITHDRAWN');
    const late = rejection(() =>
      applyCaseCommand(withdrawn, { type: 'recordDecision', decision: { code: 'REJECT', ...base } }, T0),
    );
    expect(late).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'WITHDRAWN',
      allowedActions: [],
    });
  });

  it('requires a provisional start to have an offered arrangement on record or in the decision', () => {
    const bare = { ...docket() };
    delete bare.offeredArrangement;
    const state = openBreakthroughCase(bare, T0).state;
    const error = rejection(() =>
      applyCaseCommand(
        state,
        { type: 'recordDecision', decision: { code: 'AUTHORISE_PROVISIONAL_START', ...base } },
        T0,
      ),
    );
    expect(error.violations.map((v) => v.field)).toEqual(['decision.offeredArrangement']);
  });
});

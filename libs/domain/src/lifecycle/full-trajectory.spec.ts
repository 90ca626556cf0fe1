import {
  applyBreakthroughDecision,
  applyCaseCommand,
  applyCommand,
  applyDueTimers,
  createTrajectory,
  nextDeadline,
  openBreakthroughCase,
  trajectoryView,
} from '@app/domain';
import type {
  BreakthroughDecision,
  TrajectoryCommand,
  TrajectoryEffect,
  TrajectoryState,
  Transition,
} from '@app/domain';
import {
  ACHIEVED,
  at,
  CASE,
  deepFreeze,
  effectsOf,
  evaluation,
  LT,
  planDraft,
  PROVIDER,
  RECOVERY,
  RECOVERY_HEAVY,
  roundTrip,
  start,
  TABLE,
} from '../../testing/trajectory-fixtures';

type Step =
  | { at: string; command: TrajectoryCommand }
  | { at: string; timersUntil: true }
  | { at: string; table: BreakthroughDecision };

const OFFER = { ...RECOVERY, code: 'JGD-B-PROF2-LICHT', tariffCents: 750_000 };
const SETTLED = { ...RECOVERY, code: 'JGD-B-PROF2-MIDDEN-PLUS', tariffCents: 840_000 };

/** Twelve months of one youth-care trajectory, as the workflow shell would drive it. */
const STEPS: Step[] = [
  { at: '2026-04-20T08:00:00.000Z', command: { type: 'beginDrafting', actor: LT } },
  { at: '2026-04-20T09:00:00.000Z', command: { type: 'submitPlan', actor: PROVIDER, plan: planDraft() } },
  {
    at: '2026-04-23T08:00:00.000Z',
    command: {
      type: 'requestChanges',
      actor: LT,
      planVersion: 1,
      reasonCode: 'TARIFF_OR_INTENSITY',
      offeredArrangement: OFFER,
    },
  },
  { at: '2026-04-28T08:00:00.000Z', command: { type: 'submitPlan', actor: PROVIDER, plan: planDraft() } },
  {
    at: '2026-04-29T08:00:00.000Z',
    command: { type: 'signPlan', actor: CASE, planVersion: 2, party: 'CLIENT' },
  },
  // The local team does not decide: 10 working days later (5 May is a holiday) the system escalates.
  { at: '2026-05-13T08:00:00.000Z', timersUntil: true },
  {
    at: '2026-05-20T08:00:00.000Z',
    table: {
      code: 'APPROVE_WITH_ARRANGEMENT',
      arrangement: SETTLED,
      decidedBy: TABLE,
      rationaleRef: 'minutes-2026-05-20',
    },
  },
  { at: '2026-05-26T08:00:00.000Z', command: { type: 'confirmStart', actor: PROVIDER } },
  { at: '2026-08-26T08:00:00.000Z', timersUntil: true },
  {
    at: '2026-08-28T08:00:00.000Z',
    command: {
      type: 'recordEvaluation',
      actor: PROVIDER,
      evaluation: evaluation({ localTeamParticipated: false }),
    },
  },
  { at: '2026-11-30T09:00:00.000Z', timersUntil: true },
  {
    at: '2026-11-30T09:30:00.000Z',
    command: { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'SCALE_UP' }) },
  },
  {
    at: '2026-12-01T09:00:00.000Z',
    command: {
      type: 'requestArrangementChange',
      actor: PROVIDER,
      arrangement: RECOVERY_HEAVY,
      reasonCode: 'RESULTS_NEED_MORE',
    },
  },
  {
    at: '2026-12-03T09:00:00.000Z',
    command: { type: 'decideArrangementChange', actor: LT, changeId: 'traj-0417-chg-1', decision: 'APPROVE' },
  },
  { at: '2027-03-01T09:00:00.000Z', timersUntil: true },
  {
    at: '2027-03-01T09:30:00.000Z',
    command: { type: 'recordEvaluation', actor: LT, evaluation: evaluation() },
  },
  { at: '2027-04-19T08:00:00.000Z', timersUntil: true },
  {
    at: '2027-04-19T08:30:00.000Z',
    command: { type: 'confirmCompletion', actor: LT, finalEvaluation: ACHIEVED },
  },
];

interface Run {
  transitions: Transition[];
  state: TrajectoryState;
  effects: TrajectoryEffect[];
}

/** Drives the scenario; `carry` models what happens to the state between steps (e.g. continue-as-new). */
function drive(carry: (state: TrajectoryState) => TrajectoryState): Run {
  const transitions: Transition[] = [createTrajectory(start(), at('2026-04-20T07:30:00.000Z'))];
  let state = carry(transitions[0].state);
  let tableCase = undefined as ReturnType<typeof openBreakthroughCase> | undefined;
  const push = (t: Transition): void => {
    transitions.push(t);
    state = carry(t.state);
  };
  for (const step of STEPS) {
    const now = at(step.at);
    deepFreeze(state);
    if ('command' in step) push(applyCommand(state, step.command, now));
    else if ('timersUntil' in step) {
      for (
        let next = nextDeadline(state);
        next !== undefined && next <= step.at;
        next = nextDeadline(state)
      ) {
        push(applyDueTimers(state, new Date(next)));
      }
    } else {
      // The table's own workflow records the decision, then hands it to the trajectory.
      const docket = transitions.flatMap((t) => effectsOf(t.effects, 'START_BREAKTHROUGH')).pop()!.docket;
      tableCase = openBreakthroughCase(docket, at(docket.raisedAt));
      tableCase = applyCaseCommand(tableCase.state, { type: 'recordDecision', decision: step.table }, now);
      const recorded = tableCase.effects.find((e) => e.kind === 'DECISION_RECORDED')!;
      if (recorded.kind !== 'DECISION_RECORDED') throw new Error('no decision');
      push(applyBreakthroughDecision(state, recorded.escalationId, recorded.decision, now));
    }
  }
  return { transitions, state, effects: transitions.flatMap((t) => t.effects) };
}

describe('a full twelve-month trajectory', () => {
  const result = drive((s) => s);

  it('passes intake → plan → escalation → table → start → evaluations → scaling → completion', () => {
    const statuses = result.transitions.map((t) => t.state.status);
    expect(statuses.filter((s, i) => s !== statuses[i - 1])).toEqual([
      'INTAKE',
      'DRAFTING',
      'AWAITING_APPROVAL',
      'CHANGES_REQUESTED',
      'AWAITING_APPROVAL',
      'ESCALATED',
      'DECIDED',
      'ACTIVE',
      'CLOSED',
    ]);
    expect(result.state.closure).toEqual({
      reason: 'COMPLETED_PER_PLAN',
      closedAt: '2027-04-19T08:30:00.000Z',
      outcome: {
        dropout: false,
        goalAttainment: 1,
        achievedResults: 2,
        partialResults: 0,
        totalResults: 2,
        clientSatisfaction: 'POSITIVE',
        localTeamParticipated: true,
      },
    });
  });

  it('escalated MISSING_SIGNATURES at the signature deadline, with the asked and offered arrangements on the docket', () => {
    // Rules 2: version 2 was never signed, so its signature deadline (5 working days, §4.5) comes before the
    // local team's approval deadline and sends the case to the table (§4.2, [001:L287]).
    const [docket] = effectsOf(result.effects, 'START_BREAKTHROUGH').map((e) => e.docket);
    expect(docket).toMatchObject({
      escalationId: 'traj-0417-esc-1',
      trigger: 'MISSING_SIGNATURES',
      raisedAt: '2026-05-06T08:00:00.000Z',
      roundCount: 2,
      planVersion: 2,
      waitingSince: '2026-04-20T09:00:00.000Z',
      askedArrangement: RECOVERY,
      offeredArrangement: OFFER,
      // 6 May + 10 working days, skipping Ascension Day.
      deadlineAt: '2026-05-21T08:00:00.000Z',
    });
  });

  it('issued exactly two decisions, each with its 301', () => {
    expect(
      effectsOf(result.effects, 'ISSUE_DECISION').map((e) => [
        e.decision.version,
        e.decision.cause,
        e.decision.arrangement.tariffCents,
        e.assignment.idempotencyKey,
      ]),
    ).toEqual([
      [1, 'BREAKTHROUGH', 840_000, 'traj-0417:301:1'],
      [2, 'SCALING', 1_200_000, 'traj-0417:301:2'],
    ]);
  });

  it('paid 2/3 at the start, the scale-up adjustment, and the rest at completion: the new tariff exactly', () => {
    const payments = effectsOf(result.effects, 'PAYMENT').map((p) => [
      p.idempotencyKey,
      p.tranche.kind,
      p.tranche.amountCents,
      p.dueAt,
      p.decisionVersion,
    ]);
    expect(payments).toEqual([
      ['traj-0417:INITIAL:1', 'INITIAL', 560_000, '2026-05-26T08:00:00.000Z', 1],
      ['traj-0417:ADJUSTMENT:2:1', 'ADJUSTMENT', 240_000, '2026-12-03T09:00:00.000Z', 2],
      ['traj-0417:FINAL:2', 'FINAL', 400_000, '2027-04-19T08:30:00.000Z', 2],
    ]);
    expect(payments.reduce((sum, p) => sum + (p[2] as number), 0)).toBe(1_200_000);
    expect(effectsOf(result.effects, 'CANCEL_PAYMENT')).toEqual([]);
  });

  it('raised the evaluation worklist items on time and recorded three evaluations and the final one', () => {
    expect(
      effectsOf(result.effects, 'NOTIFY')
        .filter((n) => n.topic === 'EVALUATION_DUE')
        .map((n) => n.ids.dueAt),
    ).toEqual([
      '2026-08-26T08:00:00.000Z',
      '2026-11-28T09:00:00.000Z',
      // Three months after the evaluation held at 09:30 UTC on 30 November.
      '2027-02-28T09:30:00.000Z',
    ]);
    expect(result.state.evaluations.map((e) => [e.type, e.outcome, e.localTeamParticipated])).toEqual([
      ['PERIODIC', 'CONTINUE', false],
      ['PERIODIC', 'SCALE_UP', true],
      ['PERIODIC', 'CONTINUE', true],
      ['FINAL', 'COMPLETE', true],
    ]);
  });

  it('wrote one gapless audit sequence', () => {
    const seqs = effectsOf(result.effects, 'AUDIT').map((a) => a.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(result.state.auditSeq).toBe(seqs.length);
  });

  it('ends with nothing to wait for and nothing allowed', () => {
    expect(nextDeadline(result.state)).toBeUndefined();
    expect(trajectoryView(result.state, at('2027-05-01T00:00:00Z'))).toMatchObject({
      status: 'CLOSED',
      allowedActions: [],
      blocking: [],
    });
  });

  it('is deterministic: the same inputs give identical transitions', () => {
    expect(drive((s) => s).transitions).toEqual(result.transitions);
  });

  it('survives continue-as-new: a JSON round trip of the state between every step changes nothing', () => {
    const carried = drive((s) => roundTrip(s));
    expect(carried.transitions).toEqual(result.transitions);
    expect(roundTrip(result.state)).toEqual(result.state);
  });

  it('carries no personal data in effects: only pseudonymous ids and references', () => {
    const text = JSON.stringify(result.effects);
    expect(text).not.toMatch(/\d{9}/); // no BSN-like numbers
    expect(text).toContain('cl-9f3a');
  });
});

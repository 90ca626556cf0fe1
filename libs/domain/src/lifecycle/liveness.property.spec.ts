import fc from 'fast-check';
import {
  addWorkingDays,
  applyCaseTimers,
  applyCommand,
  applyDueTimers,
  assertCommandAllowed,
  nextCaseDeadline,
  nextDeadline,
  openBreakthroughCase,
  policyHolidays,
  trajectoryView,
} from '@app/domain';
import type { TrajectoryCommand, TrajectoryEffect, TrajectoryState } from '@app/domain';
import {
  ACHIEVED,
  CASE,
  created,
  evaluation,
  LT,
  planDraft,
  policy,
  PROVIDER,
  RECOVERY_HEAVY,
  T0,
} from '../../testing/trajectory-fixtures';

/**
 * Liveness of the pure core (issue "no plan stalls"): whatever people did before, once nobody acts the
 * trajectory reaches the breakthrough table or a closure, or its next deadline is at most N working days
 * away: never a wait without a deadline. And the table never decides on its own.
 *
 * N: the longest gap between deadlines of the default policy, the 3-month evaluation interval of care that
 * runs well (about 66 working days); every wait for a person is shorter (at most 20 working days).
 */
const N_WORKING_DAYS = 70;
const HOLIDAYS = policyHolidays(policy());
const RUNS = 1_000;

/** What people might do in this state; the validator decides whether it is allowed, like the API. */
function candidates(state: TrajectoryState): TrajectoryCommand[] {
  const planVersion = state.plan?.version ?? 1;
  const changeId = state.pendingChange?.id ?? 'none';
  return [
    { type: 'beginDrafting', actor: LT },
    { type: 'withdraw', actor: CASE },
    { type: 'submitPlan', actor: PROVIDER, plan: planDraft() },
    { type: 'signPlan', actor: CASE, planVersion, party: 'CLIENT' },
    { type: 'signPlan', actor: PROVIDER, planVersion, party: 'LEAD_PROVIDER' },
    { type: 'requestChanges', actor: LT, planVersion, reasonCode: 'RESULTS_UNCLEAR' },
    { type: 'approvePlan', actor: LT, planVersion },
    { type: 'rejectPlan', actor: LT, planVersion, reasonCode: 'SEGMENT_FIT' },
    { type: 'escalate', actor: LT, trigger: 'FINANCIAL_DISPUTE' },
    { type: 'confirmStart', actor: PROVIDER },
    { type: 'recordEvaluation', actor: LT, evaluation: evaluation() },
    { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'SCALE_UP' }) },
    { type: 'recordEvaluation', actor: LT, evaluation: evaluation({ outcome: 'REASSESS' }) },
    {
      type: 'requestArrangementChange',
      actor: PROVIDER,
      arrangement: RECOVERY_HEAVY,
      reasonCode: 'MORE_SUPPORT',
    },
    { type: 'decideArrangementChange', actor: LT, changeId, decision: 'APPROVE' },
    {
      type: 'decideArrangementChange',
      actor: LT,
      changeId,
      decision: 'REQUEST_CHANGES',
      reasonCode: 'TARIFF_OR_INTENSITY',
    },
    { type: 'renewIndication', actor: LT },
    { type: 'confirmCompletion', actor: LT, finalEvaluation: ACHIEVED },
    { type: 'reportDropout', actor: LT, reasonCode: 'CLIENT_STOPPED' },
  ];
}

function allowed(state: TrajectoryState, command: TrajectoryCommand, now: Date): boolean {
  try {
    assertCommandAllowed(state, command, now);
    return true;
  } catch {
    return false;
  }
}

function atTheTable(state: TrajectoryState): boolean {
  return state.escalations.some((e) => e.status === 'OPEN' || e.status === 'PROVISIONAL');
}

/** The liveness invariant at `now`; a message naming the state when it fails. */
function stalls(state: TrajectoryState, now: Date): string | undefined {
  if (state.status === 'CLOSED' || atTheTable(state)) return undefined;
  // Never a wait without a deadline: whoever the trajectory waits for has one of its own.
  const open = trajectoryView(state, now).blocking.filter((b) => b.until === undefined);
  if (open.length > 0) {
    return `${state.status}: ${open.map((b) => `${b.party} (${b.reason})`).join(', ')} without a deadline`;
  }
  const next = nextDeadline(state);
  if (next === undefined) return `${state.status} waits without a deadline`;
  const bound = addWorkingDays(now, N_WORKING_DAYS, HOLIDAYS).toISOString();
  if (next > bound) return `${state.status}: next deadline ${next} is beyond ${bound}`;
  return undefined;
}

/** A table case left alone: reminded and overdue, never decided (decisions.md 10). */
function tableNeverDecidesAlone(effects: TrajectoryEffect[], now: Date): void {
  for (const effect of effects) {
    if (effect.kind !== 'START_BREAKTHROUGH') continue;
    let table = openBreakthroughCase(effect.docket, now).state;
    for (let i = 0; i < 5; i += 1) {
      const next = nextCaseDeadline(table);
      if (next === undefined) break;
      const step = applyCaseTimers(table, new Date(next));
      expect(step.effects.some((e) => e.kind === 'DECISION_RECORDED')).toBe(false);
      table = step.state;
    }
    expect(table).toMatchObject({ status: 'OVERDUE', decisions: [] });
  }
}

const step = fc.record({
  pick: fc.nat(),
  /** Working days that pass before the next person acts; timers run meanwhile. */
  gap: fc.integer({ min: 0, max: 15 }),
});

describe('liveness: no plan stalls (issue 14)', () => {
  it(`from every reachable state, left alone, a trajectory reaches the table or a closure, or a deadline within ${N_WORKING_DAYS} working days; the table never decides alone (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 10 }), fc.integer({ min: 4, max: 30 }), (steps, idleSteps) => {
        let state = created();
        let now = T0;
        const effects: TrajectoryEffect[] = [];
        const advanceTo = (until: Date) => {
          for (let i = 0; i < 200; i += 1) {
            const next = nextDeadline(state);
            if (next === undefined || next > until.toISOString()) break;
            now = new Date(next);
            const t = applyDueTimers(state, now);
            state = t.state;
            effects.push(...t.effects);
          }
          now = until;
        };
        // People act, with time passing in between.
        for (const { pick, gap } of steps) {
          expect(stalls(state, now)).toBeUndefined();
          if (state.status === 'CLOSED') break;
          const open = candidates(state).filter((c) => allowed(state, c, now));
          if (open.length > 0) {
            const t = applyCommand(state, open[pick % open.length], now);
            state = t.state;
            effects.push(...t.effects);
          }
          advanceTo(addWorkingDays(now, gap, HOLIDAYS));
        }
        // Then nobody acts: every wake-up keeps the invariant and makes progress.
        for (let i = 0; i < idleSteps; i += 1) {
          const problem = stalls(state, now);
          expect(problem).toBeUndefined();
          if (state.status === 'CLOSED' || atTheTable(state)) break;
          const next = nextDeadline(state)!;
          expect(next > now.toISOString() || next === now.toISOString()).toBe(true);
          now = new Date(next);
          const t = applyDueTimers(state, now);
          expect(t.effects.length).toBeGreaterThan(0);
          state = t.state;
          effects.push(...t.effects);
        }
        // The trajectory core never decides for the table either: no table decision without one.
        expect(effects.some((e) => e.kind === 'AUDIT' && e.type === 'BREAKTHROUGH_DECIDED')).toBe(false);
        tableNeverDecidesAlone(effects, now);
      }),
      { numRuns: RUNS },
    );
  });
});

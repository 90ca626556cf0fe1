import { resolvePolicyDeadline } from '@app/domain';
import {
  ACHIEVED,
  evaluation,
  LT,
  planDraft,
  policy,
  PROVIDER,
  RECOVERY,
} from '../libs/domain/testing/trajectory-fixtures';
import { eventTypes } from '../test/support/history-events';
import { settled } from '../test/support/settled';
import { useTrajectoryKit } from '../test/support/kit-suite';
import { careDecisionRows, ledger, trajectoryRow } from '../test/support/trajectory-rows';
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * Care in progress (domain.md §7.4 ACTIVE, §7.5 timers): evaluations with their due and overdue flags,
 * continue-as-new (at each evaluation in history version 1, at the run's event bound in version 2), the
 * intensive interval and the yearly reassessment.
 */
jest.setTimeout(120_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'care', 'care');

const DAY_MS = 86_400_000;

function monthsAfter(iso: string, months: number): string {
  return resolvePolicyDeadline(policy(), new Date(iso), { months }).toISOString();
}

describe('evaluations (§7.5: every 3 months; §7.6 continue-as-new)', () => {
  it('history version 1 (runs begun before issue 20): four evaluations 3 months apart, each due then overdue; the first continues as new, carrying the state, into a version-2 run that keeps the rest', async () => {
    // A plan that runs two years, so that the decision stays valid for the whole year of evaluations.
    const plannedEndAt = new Date((await suite.bed.now()).getTime() + 730 * DAY_MS).toISOString();
    const t = await suite.kit.withShape({}).active({}, planDraft({ plannedEndAt }));
    const firstRun = await t.runId();
    let run = firstRun;

    for (let n = 1; n <= 4; n += 1) {
      const before = await t.state();
      const from = n === 1 ? before.startedAt! : before.evaluations[n - 2].heldAt;
      expect(before.care.nextEvaluationAt).toBe(monthsAfter(from, 3));

      await suite.bed.sleepUntil(before.care.nextEvaluationAt!);
      let view = await t.until((v) => v.subFlags.evaluationDue);
      expect(view.subFlags).toMatchObject({ evaluationDue: true, evaluationOverdue: false });
      await suite.bed.sleepUntil(before.care.evaluationOverdueAt!);
      view = await t.until((v) => v.subFlags.evaluationOverdue);
      expect(view.subFlags).toMatchObject({ evaluationDue: true, evaluationOverdue: true });
      if (n === 1) {
        expect(
          await settled(
            () => trajectoryRow(suite.bed.db, t.trajectoryId),
            (r) => r?.evaluation_overdue === true,
          ),
        ).toMatchObject({ evaluation_due: true, evaluation_overdue: true });
      }

      await t.send('recordEvaluation', { actor: LT, evaluation: evaluation() });
      if (n === 1) {
        const next = await t.nextRun(run);
        expect(eventTypes(await t.history(run)).pop()).toBe('WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
        const [started] = await t.history(next);
        expect(started.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBe(run);
        run = next;
      } else {
        // The continued run is version 2: the next evaluations stay in it.
        expect(await t.runId()).toBe(run);
      }

      const carried = await t.state();
      expect(carried.evaluations).toHaveLength(n);
      expect(carried.evaluations[n - 1]).toMatchObject({
        number: n,
        type: 'PERIODIC',
        dueAt: before.care.nextEvaluationAt,
      });
      expect(carried.decisions).toHaveLength(1);
      expect(carried.payments.map((p) => `${p.kind}:${p.amountCents}`)).toEqual(['INITIAL:600000']);
      expect(carried.care).toMatchObject({ evaluationDue: false, evaluationOverdue: false });
    }
    expect(run).not.toBe(firstRun);
    expect((await t.view()).status).toBe('ACTIVE');
    expect(await ledger(suite.bed.db, t.trajectoryId)).toEqual(['INITIAL:600000:SCHEDULED']);
  });

  it('history version 2: a year of evaluations stays in one run; a run that reaches its event bound continues as new, carrying the state and the version', async () => {
    const plannedEndAt = new Date((await suite.bed.now()).getTime() + 730 * DAY_MS).toISOString();
    // The bound below is this run's length at rest, so it must be reproducible: version 2 explicitly (a
    // version-3 run reaches ACTIVE in fewer events), one command at a time, measured once the initial payment
    // has landed. Otherwise the bounded run can continue as new right after ACTIVE, while the next query is
    // on its way: the Java test server then leaks a time-skipping lock and every later sleep waits in real
    // time (infra.md §4b). Or it can fall short of the bound at the deadline and not continue at all.
    const v2 = suite.kit.withShape({ historyVersion: 2 }).oneCommandAtATime();
    const t = await v2.active({}, planDraft({ plannedEndAt }));
    const run = await t.runId();
    const afterActive = await t.quietHistoryLength();
    for (let n = 1; n <= 4; n += 1) {
      const before = await t.state();
      await suite.bed.sleepUntil(before.care.nextEvaluationAt!);
      await t.until((v) => v.subFlags.evaluationDue);
      await t.send('recordEvaluation', { actor: LT, evaluation: evaluation() });
    }
    expect(await t.runId()).toBe(run);
    expect((await t.state()).evaluations).toHaveLength(4);
    const events = eventTypes(await t.history(run));
    expect(events.filter((e) => e === 'WORKFLOW_EXECUTION_CONTINUED_AS_NEW')).toHaveLength(0);
    // One timer per deadline: four evaluation deadlines fired, none re-armed on an evaluation's wake-up.
    expect(events.filter((e) => e === 'TIMER_FIRED').length).toBeGreaterThanOrEqual(4);

    // A bound just above what reaching ACTIVE takes: the first evaluation's deadline (a timer firing, a
    // workflow task) passes it, and that quiet moment continues as new.
    const bound = afterActive + 3;
    const bounded = await v2
      .withShape({ historyVersion: 2, runEventBound: bound })
      .active({}, planDraft({ plannedEndAt }));
    const first = await bounded.runId();
    expect(await bounded.quietHistoryLength()).toBe(afterActive);
    await suite.bed.sleepUntil((await bounded.state()).care.nextEvaluationAt!);
    const second = await bounded.nextRun(first);
    const firstRun = eventTypes(await bounded.history(first));
    expect(firstRun.pop()).toBe('WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
    expect(firstRun.length).toBeGreaterThanOrEqual(bound - 1);
    const view = await bounded.until((v) => v.subFlags.evaluationDue);
    expect(view.status).toBe('ACTIVE');
    // The new run is lean too, and starts small: it continues again only after another `bound` events.
    await bounded.send('recordEvaluation', { actor: LT, evaluation: evaluation() });
    expect((await bounded.state()).evaluations).toHaveLength(1);
    expect((await bounded.history(second)).length).toBeLessThan(bound);
    expect(await bounded.runId()).toBe(second);
  });

  it('an intensive indication is evaluated monthly (R-TIME-04)', async () => {
    const t = await suite.kit.active({ intensive: true });
    const started = await t.state();
    expect(started.care.nextEvaluationAt).toBe(monthsAfter(started.startedAt!, 1));

    await suite.bed.sleepUntil(started.care.nextEvaluationAt!);
    expect((await t.until((v) => v.subFlags.evaluationDue)).subFlags.evaluationDue).toBe(true);
    await t.send('recordEvaluation', { actor: LT, evaluation: evaluation() });

    const after = await t.state();
    expect(after.care.nextEvaluationAt).toBe(monthsAfter(after.evaluations[0].heldAt, 1));
  });
});

describe('yearly reassessment (R-TIME-02: high complexity, §7.4 REASSESSMENT)', () => {
  it('a high-complexity indication goes to REASSESSMENT after a year; renewIndication returns it to ACTIVE on a new decision version', async () => {
    const t = await suite.kit.decided({ complexity: 'HIGH' });
    const decided = await t.state();
    // Started on the decision date: the yearly reassessment and the year of validity fall on one instant.
    await t.send('confirmStart', { actor: PROVIDER, startedAt: decided.decisions[0].decisionDate });
    const active = await t.state();
    expect(active.care.reassessmentAt).toBe(monthsAfter(active.startedAt!, 12));

    await suite.bed.sleepUntil(active.care.reassessmentAt!);
    const view = await t.until((v) => v.status === 'REASSESSMENT');
    expect(view.status).toBe('REASSESSMENT');
    expect((await t.state()).reassessment).toMatchObject({ reason: 'YEARLY' });
    expect(view.allowedActions).toContain('renewIndication');

    // A new yearly price for high-complexity care (§7.4 REASSESSMENT row).
    const renewed = await t.send('renewIndication', {
      actor: LT,
      arrangement: { ...RECOVERY, tariffCents: 960_000 },
    });
    expect(renewed).toMatchObject({ status: 'ACTIVE', decisionVersion: 2 });
    const state = await t.state();
    const v2 = state.decisions[1];
    expect(v2).toMatchObject({ cause: 'RENEWAL', validFrom: active.decisions[0].validTo });
    expect(v2.validTo).toBe(monthsAfter(v2.validFrom, 12));
    expect(state.care.reassessmentAt).toBe(monthsAfter(v2.validFrom, 12));
    expect(state.care.nextEvaluationAt).toBeDefined();
    expect(
      await settled(
        () => careDecisionRows(suite.bed.db, t.trajectoryId),
        (r) => r.length === 2,
      ),
    ).toEqual([
      expect.objectContaining({ version: 1, cause: 'PLAN_APPROVAL' }),
      expect.objectContaining({ version: 2, cause: 'RENEWAL', tariffCents: 960_000 }),
    ]);
    // §7.8 up: 2/3 of the €600 increase now.
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 2,
      ),
    ).toEqual(['INITIAL:600000:SCHEDULED', 'ADJUSTMENT:40000:SCHEDULED']);
  });
});

describe('nobody signs off their own money (issue 14, decisions.md 5)', () => {
  it("a provider's COMPLETE does not close or pay until the local team confirms", async () => {
    const t = await suite.kit.active();
    const started = await t.state();
    await suite.bed.sleepUntil(started.care.nextEvaluationAt!);
    await t.until((v) => v.subFlags.evaluationDue);

    const proposed = await t.send('recordEvaluation', { actor: PROVIDER, evaluation: ACHIEVED });
    expect(proposed.status).toBe('ACTIVE');
    expect(proposed.evaluationProposal).toMatchObject({ outcome: 'COMPLETE', proposedByRef: PROVIDER.ref });
    expect(proposed.allowedActions).toContain('decideEvaluationProposal');
    expect(proposed.allowedActions).not.toContain('recordEvaluation');

    // Past the local team's deadline nothing closes and nothing is paid: the wait reminds, it never decides.
    await suite.bed.sleepUntil(proposed.evaluationProposal!.deadlineAt!);
    const waited = await t.until((v) =>
      v.blocking.some((b) => b.reason === 'EVALUATION_PROPOSAL' && b.overdue),
    );
    expect(waited.status).toBe('ACTIVE');
    expect(await ledger(suite.bed.db, t.trajectoryId)).toEqual(['INITIAL:600000:SCHEDULED']);
    expect((await t.state()).evaluations).toHaveLength(0);

    await t.send('decideEvaluationProposal', { actor: LT, decision: 'CONFIRM' });
    expect(await t.closed()).toMatchObject({ closureReason: 'COMPLETED_PER_PLAN' });
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (rows) => rows.length === 2,
      ),
    ).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:300000:SCHEDULED']);
  });
});

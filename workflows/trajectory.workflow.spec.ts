import {
  ACHIEVED,
  CASE,
  evaluation,
  LT,
  planDraft,
  PROVIDER,
  RECOVERY_HEAVY,
  start,
  TABLE,
} from '../libs/domain/testing/trajectory-fixtures';
import { TrajectoryDriver } from '../test/support/trajectory-driver';
import { uniqueRef } from '../test/support/unique-ref';
import { timeSkippingTestBed, WorkflowTestBed } from '../test/support/workflow-env';

jest.setTimeout(120_000);

let bed: WorkflowTestBed;
beforeAll(async () => {
  bed = await timeSkippingTestBed('trajectory-ts');
});
afterAll(() => bed?.close());

async function newTrajectory(overrides: Parameters<typeof start>[0] = {}): Promise<TrajectoryDriver> {
  const id = uniqueRef('trajectory-0405');
  return TrajectoryDriver.start(
    bed.env.client,
    bed.taskQueue,
    start({ trajectoryId: id, caseReference: id, ...overrides }),
  );
}

async function ledger(trajectoryId: string): Promise<{ kind: string; amount: number; status: string }[]> {
  const rows = await bed.db.query(
    `SELECT tranche_kind AS kind, amount_cents AS amount, status FROM payment_instruction
     WHERE trajectory_id = $1 ORDER BY created_at, id`,
    [trajectoryId],
  );
  return rows.map((r: { kind: string; amount: string; status: string }) => ({
    ...r,
    amount: Number(r.amount),
  }));
}

describe('trajectory workflow on the time-skipping server', () => {
  it('runs a whole year: plan, escalation and table decision, start, evaluations, scaling up, completion and final payment', async () => {
    await bed.run(async () => {
      const t = await newTrajectory();
      await t.send('beginDrafting', { actor: LT });
      let view = await t.send('submitPlan', { actor: PROVIDER, plan: planDraft() });
      expect(view.status).toBe('AWAITING_APPROVAL');

      // Nobody signs within 5 working days: the plan goes to the table by itself (§4.2 MISSING_SIGNATURES,
      // §4.5), before the local team's 10 working days are over.
      await bed.env.sleep('16 days');
      view = await t.view();
      expect(view.status).toBe('ESCALATED');
      expect(view.openEscalation?.trigger).toBe('MISSING_SIGNATURES');
      const escalationId = view.openEscalation!.id;

      const table = bed.env.client.workflow.getHandle(`breakthrough-${escalationId}`);
      await table.executeUpdate('recordDecision', {
        args: [{ decision: { code: 'APPROVE_AS_SUBMITTED', decidedBy: TABLE, rationaleRef: 'rationale-1' } }],
      });
      view = await eventually(t, (v) => v.status === 'DECIDED');
      expect(view.decisionVersion).toBe(1);

      view = await t.send('confirmStart', { actor: PROVIDER });
      expect(view.status).toBe('ACTIVE');

      await bed.env.sleep('95 days');
      view = await t.view();
      expect(view.subFlags.evaluationDue).toBe(true);
      const run = await t.runId();
      await t.send('recordEvaluation', { actor: LT, evaluation: evaluation({ outcome: 'SCALE_UP' }) });
      const state = await t.state();
      view = await t.send('requestArrangementChange', {
        actor: LT,
        arrangement: RECOVERY_HEAVY,
        reasonCode: 'RESULTS_NOT_ACHIEVED',
      });
      expect(view.pendingChange?.direction).toBe('UP');
      view = await t.send('decideArrangementChange', {
        actor: LT,
        changeId: view.pendingChange!.id,
        decision: 'APPROVE',
      });
      expect(view.decisionVersion).toBe(2);
      expect(state.evaluations).toHaveLength(1);

      await bed.env.sleep('100 days');
      await t.send('recordEvaluation', { actor: LT, evaluation: evaluation() });
      // History version 2 (issue 20): a year with its evaluations stays in one run.
      expect(await t.runId()).toBe(run);
      await bed.env.sleep('100 days');
      view = await t.send('confirmCompletion', {
        actor: LT,
        finalEvaluation: ACHIEVED,
      });
      const result = await t.closed();
      expect(result).toMatchObject({ status: 'CLOSED', closureReason: 'COMPLETED_PER_PLAN' });

      // domain.md §7.7 R-PAY-01 + §7.8 scale up: 2/3 of 9,000.00 now, 2/3 of the difference, then the rest.
      expect(await ledger(t.trajectoryId)).toEqual([
        { kind: 'INITIAL', amount: 600_000, status: 'SCHEDULED' },
        { kind: 'ADJUSTMENT', amount: 200_000, status: 'SCHEDULED' },
        { kind: 'FINAL', amount: 400_000, status: 'SCHEDULED' },
      ]);
      const [row] = await bed.db.query(
        `SELECT status, closure_reason FROM trajectory WHERE trajectory_id = $1`,
        [t.trajectoryId],
      );
      expect(row).toEqual({ status: 'CLOSED', closure_reason: 'COMPLETED_PER_PLAN' });
      void CASE;
    });
  });
});

async function eventually(
  t: TrajectoryDriver,
  done: (v: Awaited<ReturnType<TrajectoryDriver['view']>>) => boolean,
): Promise<Awaited<ReturnType<TrajectoryDriver['view']>>> {
  for (let i = 0; i < 100; i++) {
    const v = await t.view();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('trajectory did not reach the expected state');
}

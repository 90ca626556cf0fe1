import {
  ACHIEVED,
  CASE,
  evaluation,
  LT,
  PROVIDER,
  RECOVERY_HEAVY,
} from '../libs/domain/testing/trajectory-fixtures';
import { eventTypes } from '../test/support/history-events';
import { settled } from '../test/support/settled';
import { TrajectoryDriver } from '../test/support/trajectory-driver';
import { useTrajectoryKit } from '../test/support/kit-suite';
import { auditTypes, ledger, paymentRows, trajectoryRow } from '../test/support/trajectory-rows';
import { uniqueRef } from '../test/support/unique-ref';
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * Every way care ends (domain.md §7.2 Closure, §7.4, §7.8) on the €9,000 recovery arrangement: 2/3 paid at
 * the start, the final 1/3 paid, cancelled or left to the successor. REJECTED and WITHDRAWN_BEFORE_START
 * end before care starts: see trajectory-approval and trajectory-table.
 */
jest.setTimeout(60_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'closure', 'close');

function settledLedger(t: TrajectoryDriver, tranches: number): Promise<string[]> {
  return settled(
    () => ledger(suite.bed.db, t.trajectoryId),
    (l) => l.length === tranches,
  );
}

/** The successor runs on its own, linked both ways (R-SCALE-03, R-END-03). */
async function expectSuccessor(t: TrajectoryDriver, successorId: string, leadProviderId: string) {
  expect((await t.state()).successorTrajectoryId).toBe(successorId);
  const successor = TrajectoryDriver.attach(suite.bed.env.client, successorId);
  const state = await settled(
    () => successor.state().catch(() => undefined),
    (s) => s !== undefined,
  );
  expect(state).toMatchObject({ status: 'INTAKE', predecessorTrajectoryId: t.trajectoryId, leadProviderId });
  expect((await successor.handle.describe()).status.name).toBe('RUNNING');
  expect(eventTypes(await t.history())).toContain('START_CHILD_WORKFLOW_EXECUTION_INITIATED');
}

describe('closure (§7.2 Closure reasons)', () => {
  it('COMPLETED_PER_PLAN releases the final tranche and records the outcome', async () => {
    const t = await suite.kit.active();
    await t.send('confirmCompletion', { actor: LT, finalEvaluation: ACHIEVED });

    expect(await t.closed()).toMatchObject({ status: 'CLOSED', closureReason: 'COMPLETED_PER_PLAN' });
    expect(await settledLedger(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:300000:SCHEDULED']);
    expect((await t.view()).closure).toMatchObject({
      reason: 'COMPLETED_PER_PLAN',
      outcome: { dropout: false },
    });
    expect(await auditTypes(suite.bed.db, t.trajectoryId)).toEqual(
      expect.arrayContaining(['EVALUATION_RECORDED', 'COMPLETION_CONFIRMED', 'TRAJECTORY_CLOSED']),
    );
    expect(await trajectoryRow(suite.bed.db, t.trajectoryId)).toMatchObject({
      status: 'CLOSED',
      closure_reason: 'COMPLETED_PER_PLAN',
    });
  });

  it('EARLY_DROPOUT cancels the final tranche and reclaims nothing (R-END-01)', async () => {
    const t = await suite.kit.active();
    await t.send('reportDropout', { actor: PROVIDER, reasonCode: 'CLIENT_STOPPED' });

    expect(await t.closed()).toMatchObject({ closureReason: 'EARLY_DROPOUT' });
    const rows = await settled(
      () => paymentRows(suite.bed.db, t.trajectoryId),
      (r) => r.length === 2,
    );
    expect(rows.map((p) => `${p.kind}:${p.amount}:${p.status}`)).toEqual([
      'INITIAL:600000:SCHEDULED',
      'FINAL:0:CANCELLED',
    ]);
    expect(rows[1].statusReason).toEqual(expect.any(String));
    expect((await t.state()).payments.map((p) => `${p.kind}:${p.status}`)).toEqual([
      'INITIAL:ISSUED',
      'FINAL:CANCELLED',
    ]);
  });

  it('an evaluation with outcome TERMINATE closes as EARLY_DROPOUT', async () => {
    const t = await suite.kit.active();
    await t.send('recordEvaluation', { actor: LT, evaluation: evaluation({ outcome: 'TERMINATE' }) });

    expect(await t.closed()).toMatchObject({ closureReason: 'EARLY_DROPOUT' });
    const state = await t.state();
    expect(state.evaluations).toEqual([expect.objectContaining({ number: 1, outcome: 'TERMINATE' })]);
    expect(state.closure?.outcome).toMatchObject({ dropout: true });
    expect(await settledLedger(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:0:CANCELLED']);
  });

  it('closing with a change at the table withdraws the table case', async () => {
    const t = await suite.kit.active();
    await t.send('requestArrangementChange', {
      actor: PROVIDER,
      arrangement: RECOVERY_HEAVY,
      reasonCode: 'MORE',
    });
    const escalated = await t.send('escalate', { actor: LT, trigger: 'FINANCIAL_DISPUTE' });
    const table = await t.openTable(escalated.openEscalation!.id);

    await t.send('reportDropout', { actor: CASE, reasonCode: 'MOVED_AWAY' });
    expect(await t.closed()).toMatchObject({ closureReason: 'EARLY_DROPOUT' });
    expect(await table.closed()).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('RESTARTED_FOR_NEW_NEED starts the successor trajectory; the old final tranche is paid when the old plan was completed (§7.8)', async () => {
    const t = await suite.kit.active();
    const successorId = uniqueRef('trajectory-0405-close-next');
    await t.send('reportNewCareNeed', {
      actor: LT,
      successorCaseReference: successorId,
      successorTrajectoryId: successorId,
      oldPlanCompleted: true,
    });

    expect(await t.closed()).toMatchObject({
      closureReason: 'RESTARTED_FOR_NEW_NEED',
      successorTrajectoryId: successorId,
    });
    await expectSuccessor(t, successorId, 'prov-horizon');
    expect(await settledLedger(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:300000:SCHEDULED']);
    expect(
      await settled(
        () => trajectoryRow(suite.bed.db, successorId),
        (r) => r !== undefined,
      ),
    ).toMatchObject({
      status: 'INTAKE',
      summary: expect.objectContaining({ predecessorTrajectoryId: t.trajectoryId }),
    });
  });

  it('CLIENT_SWITCHED_PROVIDER closes like an early end and starts a trajectory with the chosen provider (R-END-03)', async () => {
    const t = await suite.kit.active();
    await t.send('switchProvider', {
      actor: CASE,
      newLeadProviderId: 'prov-zenith',
      chosenByFamily: true,
      successorCaseReference: uniqueRef('CASE-SWITCH'),
    });

    const result = await t.closed();
    expect(result).toMatchObject({ closureReason: 'CLIENT_SWITCHED_PROVIDER' });
    await expectSuccessor(t, result.successorTrajectoryId!, 'prov-zenith');
    expect(await settledLedger(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:0:CANCELLED']);
  });

  it('TRANSFERRED_BY_MUNICIPALITY closes like an early end and starts a trajectory with the new provider (R-END-03)', async () => {
    const t = await suite.kit.active();
    await t.send('transferClient', {
      actor: LT,
      newLeadProviderId: 'prov-zenith',
      reasonCode: 'QUALITY_SANCTION',
      successorCaseReference: uniqueRef('CASE-TRANSFER'),
    });

    const result = await t.closed();
    expect(result).toMatchObject({ closureReason: 'TRANSFERRED_BY_MUNICIPALITY' });
    await expectSuccessor(t, result.successorTrajectoryId!, 'prov-zenith');
    expect(await settledLedger(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:0:CANCELLED']);
  });
});

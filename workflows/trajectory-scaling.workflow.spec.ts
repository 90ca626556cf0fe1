import type { ArrangementTerms } from '@app/domain';
import {
  ACHIEVED,
  evaluation,
  LT,
  PROVIDER,
  RECOVERY,
  RECOVERY_HEAVY,
  TABLE,
} from '../libs/domain/testing/trajectory-fixtures';
import { settled } from '../test/support/settled';
import type { TrajectoryDriver } from '../test/support/trajectory-driver';
import { useTrajectoryKit } from '../test/support/kit-suite';
import { careDecisionRows, escalationRow, ledger } from '../test/support/trajectory-rows';
import { timeSkippingTestBed } from '../test/support/workflow-env';

/**
 * Scaling up and down (op- en afschalen, domain.md §3.8) during care: a new decision version through the
 * approval loop (R-SCALE-08) and the money of §7.8 on the €9,000 recovery arrangement (WF_RECOVERY 2/3 + 1/3).
 */
jest.setTimeout(90_000);

const suite = useTrajectoryKit(timeSkippingTestBed, 'scaling', 'scale');

/** An evaluation that asks for scaling, then the provider's request for the new arrangement (Jeugd, R-ROLE-02). */
async function requestScaling(t: TrajectoryDriver, to: ArrangementTerms, outcome: 'SCALE_UP' | 'SCALE_DOWN') {
  await t.send('recordEvaluation', { actor: LT, evaluation: evaluation({ outcome }) });
  expect((await t.view()).subFlags.scalingPending).toBe(true);
  return t.send('requestArrangementChange', {
    actor: PROVIDER,
    arrangement: to,
    reasonCode: 'NEEDS_CHANGED',
  });
}

async function completeAndSettle(t: TrajectoryDriver, tranches: number): Promise<string[]> {
  await t.send('confirmCompletion', { actor: LT, finalEvaluation: ACHIEVED });
  expect(await t.closed()).toMatchObject({ closureReason: 'COMPLETED_PER_PLAN' });
  return settled(
    () => ledger(suite.bed.db, t.trajectoryId),
    (l) => l.length === tranches,
  );
}

describe('scaling (§7.4 requestArrangementChange / decideArrangementChange, §7.8)', () => {
  it('scaling up pays an ADJUSTMENT of 2/3 of the increase now; the final tranche follows the new tariff', async () => {
    const t = await suite.kit.active();
    const requested = await requestScaling(t, RECOVERY_HEAVY, 'SCALE_UP');
    expect(requested.pendingChange).toMatchObject({ direction: 'UP', status: 'SUBMITTED', round: 1 });

    const view = await t.send('decideArrangementChange', {
      actor: LT,
      changeId: requested.pendingChange!.id,
      decision: 'APPROVE',
    });
    expect(view).toMatchObject({ status: 'ACTIVE', decisionVersion: 2, subFlags: { scalingPending: false } });
    expect(
      await settled(
        () => careDecisionRows(suite.bed.db, t.trajectoryId),
        (r) => r.length === 2,
      ),
    ).toEqual([
      expect.objectContaining({ version: 1, tariffCents: 900_000 }),
      expect.objectContaining({ version: 2, cause: 'SCALING', tariffCents: 1_200_000 }),
    ]);
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 2,
      ),
    ).toEqual(['INITIAL:600000:SCHEDULED', 'ADJUSTMENT:200000:SCHEDULED']);

    // Final = €12,000 − €8,000 paid.
    expect(await completeAndSettle(t, 3)).toEqual([
      'INITIAL:600000:SCHEDULED',
      'ADJUSTMENT:200000:SCHEDULED',
      'FINAL:400000:SCHEDULED',
    ]);
  });

  it('scaling down reclaims nothing; the final tranche is the new tariff minus what was paid', async () => {
    const lighter: ArrangementTerms = { ...RECOVERY, code: 'JGD-B-PROF2-MIDDEN-MIN', tariffCents: 750_000 };
    const t = await suite.kit.active();
    const requested = await requestScaling(t, lighter, 'SCALE_DOWN');
    expect(requested.pendingChange).toMatchObject({ direction: 'DOWN' });

    const view = await t.send('decideArrangementChange', {
      actor: LT,
      changeId: requested.pendingChange!.id,
      decision: 'APPROVE',
    });
    expect(view.decisionVersion).toBe(2);
    expect((await t.state()).payments.map((p) => p.kind)).toEqual(['INITIAL']);

    // No reclaim of the €6,000 paid; final = max(0, €7,500 − €6,000).
    expect(await completeAndSettle(t, 2)).toEqual(['INITIAL:600000:SCHEDULED', 'FINAL:150000:SCHEDULED']);
  });

  it('a change the local team leaves undecided for 10 working days goes to the table and returns to ACTIVE on its decision', async () => {
    const t = await suite.kit.active();
    const requested = await t.send('requestArrangementChange', {
      actor: PROVIDER,
      arrangement: RECOVERY_HEAVY,
      reasonCode: 'NEEDS_CHANGED',
    });
    await suite.bed.sleepUntil(requested.pendingChange!.deadlineAt!);

    const escalated = await t.until((v) => v.subFlags.escalated);
    // A scaling escalation keeps care going (§7.4 DEFAULT): ACTIVE, with the change at the table.
    expect(escalated).toMatchObject({ status: 'ACTIVE', pendingChange: { status: 'ESCALATED' } });
    expect(escalated.openEscalation).toMatchObject({ trigger: 'APPROVAL_SLA_EXCEEDED', context: 'SCALING' });
    const escalationId = escalated.openEscalation!.id;

    const table = await t.openTable(escalationId);
    const middle: ArrangementTerms = { ...RECOVERY, code: 'JGD-B-PROF2-MIDDEN-PLUS', tariffCents: 1_050_000 };
    await table.decide({
      code: 'APPROVE_WITH_ARRANGEMENT',
      decidedBy: TABLE,
      rationaleRef: 'rationale-8',
      arrangement: middle,
    });

    const view = await t.until((v) => v.decisionVersion === 2);
    expect(view).toMatchObject({ status: 'ACTIVE', subFlags: { escalated: false, scalingPending: false } });
    expect((await t.state()).decisions[1]).toMatchObject({
      cause: 'BREAKTHROUGH',
      approvedBy: 'BREAKTHROUGH_TABLE',
    });
    // 2/3 of the €1,500 the table allowed.
    expect(
      await settled(
        () => ledger(suite.bed.db, t.trajectoryId),
        (l) => l.length === 2,
      ),
    ).toEqual(['INITIAL:600000:SCHEDULED', 'ADJUSTMENT:100000:SCHEDULED']);
    expect(await escalationRow(suite.bed.db, escalationId)).toMatchObject({
      context: 'SCALING',
      decision_code: 'APPROVE_WITH_ARRANGEMENT',
    });
  });
});

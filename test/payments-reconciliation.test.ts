import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { PaymentActivities } from '../activities/payments.activities';
import { paymentPolicyFor, paymentScheduleFor } from '@app/domain';
import { PaymentLedger, ReconciliationService } from '@app/ledger';
import {
  decisionInput,
  issueTranches,
  keyOf,
  MUNICIPALITY,
  PROVIDER,
  terms,
  upsertTrajectoryRow,
} from './support/payment-fixtures';
import { useLedgerSuite } from './support/ledger-suite';

/**
 * Reconciliation of the ledger against the payment rules on the real PostgreSQL, and the operators' CLI.
 */
describe('payment ledger on PostgreSQL: reconciliation against the payment rules, and its CLI', () => {
  const suite = useLedgerSuite();
  const { plantedTrajectoryId, consistentTrajectory, plantedTrajectory, recovery } = suite;
  let db: DataSource;
  let activities: PaymentActivities;
  let ledger: PaymentLedger;
  let reconciliation: ReconciliationService;
  beforeAll(() => ({ db, activities, ledger, reconciliation } = suite.handles()));

  describe('reconciliation', () => {
    const reconcile = async (trajectoryId: string) =>
      (await reconciliation.run({ trajectoryId })).trajectories[0];

    it('reports no deviation for a trajectory paid exactly as the rules say (scale-up, then completion)', async () => {
      const v1 = terms(recovery, 1, 540_000, 'WF-J-B-OPV-M');
      const v2 = terms(recovery, 2, 975_000, 'WF-J-B-OPV-Z');
      const { trajectoryId, schedule } = await consistentTrajectory(recovery, [
        { type: 'START_CONFIRMED', decision: v1 },
        { type: 'ARRANGEMENT_CHANGED', decision: v2 },
        { type: 'CLOSED', closure: { closureReason: 'COMPLETED_PER_PLAN' } },
      ]);
      await upsertTrajectoryRow(db, trajectoryId, 'CLOSED', 'COMPLETED_PER_PLAN');
      expect(schedule.tranches.map((t) => [t.kind, t.amountCents])).toEqual([
        ['INITIAL', 360_000],
        ['ADJUSTMENT', 290_000],
        ['FINAL', 325_000],
      ]);
      const result = await reconcile(trajectoryId);
      expect(result).toMatchObject({
        policyPreset: 'WF_RECOVERY',
        expectedCents: 975_000,
        issuedCents: 975_000,
        deviations: [],
      });
    });

    it('reports a missing final tranche of a completed trajectory', async () => {
      const v1 = terms(recovery, 1, 540_000, 'WF-J-B-OPV-M');
      const { trajectoryId } = await plantedTrajectory(recovery, [{ type: 'START_CONFIRMED', decision: v1 }]);
      await upsertTrajectoryRow(db, trajectoryId, 'CLOSED', 'COMPLETED_PER_PLAN');
      const result = await reconcile(trajectoryId);
      expect(result.expectedCents).toBe(540_000);
      expect(result.deviations.map((d) => [d.code, d.kind, d.expectedCents])).toEqual([
        ['MISSING_TRANCHE', 'FINAL', 180_000],
        ['TOTAL_MISMATCH', undefined, 540_000],
      ]);
    });

    it('reports a duplicated initial tranche under a second key', async () => {
      const v1 = terms(recovery, 1, 540_000, 'WF-J-B-OPV-M');
      const { trajectoryId, schedule } = await plantedTrajectory(recovery, [
        { type: 'START_CONFIRMED', decision: v1 },
      ]);
      await upsertTrajectoryRow(db, trajectoryId, 'ACTIVE');
      const initial = schedule.tranches[0];
      await activities.issuePayment({
        idempotencyKey: `${keyOf(trajectoryId, initial)}:resent`,
        trajectoryId,
        municipalityCode: MUNICIPALITY,
        providerId: PROVIDER,
        kind: 'INITIAL',
        amountCents: initial.amountCents,
        basis: initial.basis,
        decisionVersion: 1,
        dueDate: '2026-11-03',
      });
      const result = await reconcile(trajectoryId);
      expect(result.deviations.map((d) => [d.code, d.ledgerCents])).toEqual([
        ['DUPLICATE_TRANCHE', 720_000],
        ['TOTAL_MISMATCH', 720_000],
      ]);
    });

    it('reports a final tranche paid after early dropout cancelled it', async () => {
      const v1 = terms(recovery, 1, 390_000, 'WF-W-B-ZRH-M');
      const { trajectoryId } = await plantedTrajectory(recovery, [
        { type: 'START_CONFIRMED', decision: v1 },
        { type: 'CLOSED', closure: { closureReason: 'COMPLETED_PER_PLAN' } },
      ]);
      await upsertTrajectoryRow(db, trajectoryId, 'CLOSED', 'EARLY_DROPOUT');
      const result = await reconcile(trajectoryId);
      expect(result.deviations.map((d) => d.code)).toEqual(['PAID_AFTER_CANCELLATION', 'TOTAL_MISMATCH']);
      expect(result.deviations[0].message).toMatch(/R-END-01/);
    });

    it('counts a withheld tranche as accounted for, and finds a gap in monthly periods', async () => {
      const monthly = paymentPolicyFor('MONTHLY');
      const { trajectoryId, rows } = await consistentTrajectory(monthly, [
        { type: 'START_CONFIRMED', decision: terms(monthly, 1, 115_000, 'WF-W-B-BGD-C') },
        { type: 'PERIOD_STARTED', period: 2 },
        { type: 'PERIOD_STARTED', period: 3 },
      ]);
      await upsertTrajectoryRow(db, trajectoryId, 'ACTIVE');
      await ledger.withhold({
        idempotencyKey: rows[2].idempotencyKey,
        reason: 'no evaluation held',
        actor: 'lt-1',
      });
      expect(await reconcile(trajectoryId)).toMatchObject({
        withheldCents: 115_000,
        issuedCents: 230_000,
        deviations: [],
      });

      const gap = plantedTrajectoryId();
      await activities.recordCareDecision(
        decisionInput(gap, monthly, terms(monthly, 1, 115_000, 'WF-W-B-BGD-C')),
      );
      const schedule = paymentScheduleFor(monthly, [
        { type: 'START_CONFIRMED', decision: terms(monthly, 1, 115_000, 'WF-W-B-BGD-C') },
        { type: 'PERIOD_STARTED', period: 2 },
        { type: 'PERIOD_STARTED', period: 3 },
      ]);
      await issueTranches(activities, gap, [schedule.tranches[0], schedule.tranches[2]], '2026-11-02');
      const result = await reconcile(gap);
      expect(result.deviations.map((d) => [d.code, d.period])).toEqual([
        ['MISSING_TRANCHE', 2],
        ['TOTAL_MISMATCH', undefined],
      ]);
    });
  });

  describe('scripts/reconcile.ts', () => {
    /** Runs the CLI as operators do (ts-node), against the test database. */
    const runCli = (...args: string[]) =>
      new Promise<{ code: number; stdout: string }>((done) => {
        execFile(
          process.execPath,
          [
            '-r',
            'ts-node/register/transpile-only',
            '-r',
            'tsconfig-paths/register',
            'scripts/reconcile.ts',
            ...args,
          ],
          { cwd: resolve(__dirname, '..'), env: process.env, timeout: 60_000 },
          (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, stdout }),
        );
      });

    it('prints the deviations and exits 1, or exits 0 when the ledger matches', async () => {
      const v1 = terms(recovery, 1, 540_000, 'WF-J-B-OPV-M');
      const clean = await consistentTrajectory(recovery, [
        { type: 'START_CONFIRMED', decision: v1 },
        { type: 'CLOSED', closure: { closureReason: 'COMPLETED_PER_PLAN' } },
      ]);
      await upsertTrajectoryRow(db, clean.trajectoryId, 'CLOSED', 'COMPLETED_PER_PLAN');
      const broken = await plantedTrajectory(recovery, [{ type: 'START_CONFIRMED', decision: v1 }]);
      await upsertTrajectoryRow(db, broken.trajectoryId, 'CLOSED', 'COMPLETED_PER_PLAN');

      const ok = await runCli('--trajectory', clean.trajectoryId);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('1 trajectories, 0 with deviations, 0 deviations');
      const bad = await runCli('--trajectory', broken.trajectoryId);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(broken.trajectoryId);
      expect(bad.stdout).toMatch(/MISSING_TRANCHE: FINAL of 180000 cents is due/);
    });
  });
});

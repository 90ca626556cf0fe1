import { DataSource } from 'typeorm';
import type { PaymentActivities } from '../activities/payments.activities';
import { PaymentExportService, PaymentLedger } from '@app/ledger';
import { decisionInput, MUNICIPALITY, newTrajectoryId, PROVIDER, terms } from './support/payment-fixtures';
import { useLedgerSuite } from './support/ledger-suite';

/**
 * The payment ledger's writes against the real PostgreSQL that `npm test` starts: idempotent payments and care
 * decisions under concurrency, refusals of bad input, and the audited WITHHOLD.
 */
describe('payment ledger on PostgreSQL: writes: idempotent payments and care decisions under concurrency, the audited WITHHOLD', () => {
  const suite = useLedgerSuite();
  const { count, plantedTrajectoryId, consistentTrajectory, recovery } = suite;
  let db: DataSource;
  let activities: PaymentActivities;
  let ledger: PaymentLedger;
  let exports: PaymentExportService;
  beforeAll(() => ({ db, activities, ledger, exports } = suite.handles()));

  describe('issuePayment', () => {
    const initial = (trajectoryId: string) => ({
      idempotencyKey: `${trajectoryId}:INITIAL:1`,
      trajectoryId,
      municipalityCode: MUNICIPALITY,
      providerId: PROVIDER,
      kind: 'INITIAL' as const,
      amountCents: 360_000,
      basis: '2/3 of tariff 540000 cents at start (domain.md §7.7 WF_RECOVERY, R-PAY-01)',
      decisionVersion: 1,
      dueDate: '2026-11-25',
    });

    it('returns the existing row on a retry: one ledger row, one creation event', async () => {
      const trajectoryId = plantedTrajectoryId();
      const first = await activities.issuePayment(initial(trajectoryId));
      const again = await activities.issuePayment(initial(trajectoryId));
      expect(again).toEqual(first);
      expect(first).toMatchObject({ status: 'SCHEDULED', amountCents: 360_000, dueDate: '2026-11-25' });
      expect(
        await count(`SELECT count(*) n FROM payment_instruction WHERE trajectory_id = $1`, [trajectoryId]),
      ).toBe(1);
      const events = await ledger.events(first.idempotencyKey);
      expect(events).toEqual([
        expect.objectContaining({
          fromStatus: null,
          toStatus: 'SCHEDULED',
          actor: 'system:trajectory-workflow',
        }),
      ]);
    });

    it('leaves exactly one row when 20 calls with the same key race', async () => {
      const trajectoryId = plantedTrajectoryId();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => activities.issuePayment(initial(trajectoryId))),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(
        await count(`SELECT count(*) n FROM payment_instruction WHERE trajectory_id = $1`, [trajectoryId]),
      ).toBe(1);
      expect(
        await count(`SELECT count(*) n FROM payment_event WHERE trajectory_id = $1`, [trajectoryId]),
      ).toBe(1);
    });

    it('refuses a known key with other money facts, non-retryably, and keeps the row', async () => {
      const trajectoryId = plantedTrajectoryId();
      await activities.issuePayment(initial(trajectoryId));
      await expect(
        activities.issuePayment({ ...initial(trajectoryId), amountCents: 1 }),
      ).rejects.toMatchObject({
        type: 'CONFLICT',
        nonRetryable: true,
      });
      const [row] = await db.query(
        `SELECT amount_cents::int AS a FROM payment_instruction WHERE trajectory_id = $1`,
        [trajectoryId],
      );
      expect(row.a).toBe(360_000);
    });

    it('allows a negative amount only for an ADJUSTMENT, in the activity and in the database', async () => {
      const trajectoryId = plantedTrajectoryId();
      await expect(
        activities.issuePayment({ ...initial(trajectoryId), amountCents: -5 }),
      ).rejects.toMatchObject({
        type: 'INVALID_INPUT',
      });
      const credit = await activities.issuePayment({
        ...initial(trajectoryId),
        idempotencyKey: `${trajectoryId}:ADJUSTMENT:2:1`,
        kind: 'ADJUSTMENT',
        amountCents: -40_000,
        decisionVersion: 2,
      });
      expect(credit.amountCents).toBe(-40_000);
      await expect(
        db.query(
          `INSERT INTO payment_instruction (idempotency_key, trajectory_id, municipality_code, provider_id,
             tranche_kind, amount_cents, basis, decision_version, due_date)
           VALUES ($1, $2, 'GM0405', 'prov-017', 'FINAL', -1, 'x', 1, '2026-11-25')`,
          [`${trajectoryId}:FINAL:1`, trajectoryId],
        ),
      ).rejects.toThrow(/ck_payment_amount_sign/);
    });

    it('records a CANCELLED tranche only with its reason', async () => {
      const trajectoryId = plantedTrajectoryId();
      const final = {
        ...initial(trajectoryId),
        idempotencyKey: `${trajectoryId}:FINAL:1`,
        kind: 'FINAL' as const,
      };
      await expect(activities.issuePayment({ ...final, status: 'CANCELLED' })).rejects.toMatchObject({
        type: 'INVALID_INPUT',
      });
      const row = await activities.issuePayment({
        ...final,
        status: 'CANCELLED',
        statusReason: 'early dropout (R-END-01)',
      });
      expect(row).toMatchObject({ status: 'CANCELLED', statusReason: 'early dropout (R-END-01)' });
      expect(await ledger.events(row.idempotencyKey)).toEqual([
        expect.objectContaining({ toStatus: 'CANCELLED', reason: 'early dropout (R-END-01)' }),
      ]);
    });

    it('never changes money facts or deletes rows behind the ledger’s back (database guard)', async () => {
      const trajectoryId = plantedTrajectoryId();
      const row = await activities.issuePayment(initial(trajectoryId));
      await expect(
        db.query(`UPDATE payment_instruction SET amount_cents = 1 WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/only the status may change/);
      await expect(
        db.query(`UPDATE payment_instruction SET status = 'CONFIRMED' WHERE id = $1`, [row.id]),
      ).rejects.toThrow(/SCHEDULED -> CONFIRMED is not allowed/);
      await expect(db.query(`DELETE FROM payment_instruction WHERE id = $1`, [row.id])).rejects.toThrow(
        /never deleted/,
      );
      await expect(db.query(`DELETE FROM payment_event WHERE payment_id = $1`, [row.id])).rejects.toThrow(
        /append-only/,
      );
    });

    it('keeps the crash hook inert outside NODE_ENV=test', async () => {
      const trajectoryId = plantedTrajectoryId();
      const saved = { env: process.env.NODE_ENV, marker: process.env.CRASH_AFTER_LEDGER_WRITE };
      process.env.NODE_ENV = 'production';
      process.env.CRASH_AFTER_LEDGER_WRITE = trajectoryId;
      try {
        const row = await activities.issuePayment(initial(trajectoryId));
        expect(row.status).toBe('SCHEDULED');
      } finally {
        process.env.NODE_ENV = saved.env;
        if (saved.marker === undefined) delete process.env.CRASH_AFTER_LEDGER_WRITE;
        else process.env.CRASH_AFTER_LEDGER_WRITE = saved.marker;
      }
    });
  });

  describe('recordCareDecision', () => {
    it('is idempotent on (trajectory, version) and refuses other terms for a recorded version', async () => {
      const trajectoryId = newTrajectoryId();
      const input = decisionInput(trajectoryId, recovery, terms(recovery, 1, 540_000, 'WF-J-B-OPV-M'));
      const first = await activities.recordCareDecision(input);
      expect(await activities.recordCareDecision(input)).toEqual(first);
      expect(first).toMatchObject({
        version: 1,
        cause: 'PLAN_APPROVAL',
        tariffCents: 540_000,
        paymentPolicy: recovery,
      });
      await expect(activities.recordCareDecision({ ...input, tariffCents: 1 })).rejects.toMatchObject({
        type: 'CONFLICT',
      });
      expect(
        await count(`SELECT count(*) n FROM care_decision WHERE trajectory_id = $1`, [trajectoryId]),
      ).toBe(1);
    });
  });

  describe('withholdPayment', () => {
    it('needs a written reason, records actor and reason, and is idempotent', async () => {
      const { trajectoryId, rows } = await consistentTrajectory(recovery, [
        { type: 'START_CONFIRMED', decision: terms(recovery, 1, 540_000, 'WF-J-B-OPV-M') },
      ]);
      const key = rows[0].idempotencyKey;
      await expect(
        activities.withholdPayment({
          trajectoryId,
          idempotencyKey: key,
          reason: '   ',
          actor: 'lt-hoorn-07',
        }),
      ).rejects.toMatchObject({ type: 'INVALID_INPUT' });
      const reason = 'provider did not confirm the start in the case system (domain.md §7.8)';
      const withheld = await activities.withholdPayment({
        trajectoryId,
        kind: 'INITIAL',
        reason,
        actor: 'lt-hoorn-07',
      });
      expect(withheld).toMatchObject({ status: 'WITHHELD', statusReason: reason });
      const again = await activities.withholdPayment({
        trajectoryId,
        idempotencyKey: key,
        reason,
        actor: 'lt-hoorn-07',
      });
      expect(again.updatedAt).toBe(withheld.updatedAt);
      const events = await ledger.events(key);
      expect(events.map((e) => [e.fromStatus, e.toStatus, e.actor, e.reason])).toEqual([
        [null, 'SCHEDULED', 'system:trajectory-workflow', expect.any(String)],
        ['SCHEDULED', 'WITHHELD', 'lt-hoorn-07', reason],
      ]);
    });

    it('refuses to withhold a payment that finance already has (409-style INVALID_TRANSITION)', async () => {
      const { trajectoryId, rows } = await consistentTrajectory(
        recovery,
        [{ type: 'START_CONFIRMED', decision: terms(recovery, 1, 285_000, 'WF-J-B-OPV-L') }],
        '2026-01-20',
      );
      const batch = await exports.export({ period: '2026-01', format: 'csv', actor: 'fin-wf-02' });
      expect(batch.content).toContain(rows[0].idempotencyKey);
      await expect(
        activities.withholdPayment({
          trajectoryId,
          idempotencyKey: rows[0].idempotencyKey,
          reason: 'late',
          actor: 'lt-1',
        }),
      ).rejects.toMatchObject({ type: 'INVALID_TRANSITION', nonRetryable: true });
    });
  });
});

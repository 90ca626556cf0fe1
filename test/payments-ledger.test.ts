import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createPaymentActivities, type PaymentActivities } from '../activities/payments.activities';
import {
  paymentPolicyFor,
  paymentScheduleFor,
  type PaymentHistoryEvent,
  type PaymentPolicy,
} from '@app/domain';
import {
  ArrangementCatalogue,
  PaymentExportService,
  PaymentLedger,
  ReconciliationService,
  type DeclarationExport,
} from '@app/ledger';
import { dataSourceOptions } from '@app/persistence';
import {
  decisionInput,
  issueTranches,
  keyOf,
  MUNICIPALITY,
  newTrajectoryId,
  PROVIDER,
  terms,
  upsertTrajectoryRow,
} from './support/payment-fixtures';
import { migrateTestDatabase, openDataSource, requireEnv } from './support/stack';

/**
 * The payment ledger against the real PostgreSQL that `npm test` starts: idempotent writes under
 * concurrency, the audited WITHHOLD, exports that never take a row twice, confirmation, reconciliation
 * against the payment rules, and the demo arrangement catalogue.
 */
describe('payment ledger on PostgreSQL', () => {
  let db: DataSource;
  let wide: DataSource;
  let activities: PaymentActivities;
  let ledger: PaymentLedger;
  let exports: PaymentExportService;
  let reconciliation: ReconciliationService;
  const recovery = paymentPolicyFor('WF_RECOVERY');

  beforeAll(async () => {
    await migrateTestDatabase();
    db = await openDataSource();
    // A pool as large as the race below, so the 20 calls really run at once.
    wide = await new DataSource(dataSourceOptions(requireEnv('DATABASE_URL'), 20)).initialize();
    activities = createPaymentActivities(wide);
    ledger = new PaymentLedger(db);
    exports = new PaymentExportService(db);
    reconciliation = new ReconciliationService(db);
  });

  afterAll(async () => {
    await wide?.destroy();
    await db?.destroy();
  });

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await db.query(sql, params))[0].n);

  /**
   * Trajectories these tests make wrong on purpose (rows without a care decision, tranches removed or added
   * to provoke a deviation) carry this prefix: the suite-wide reconciliation (test/suite-reconciliation.test.ts)
   * leaves out exactly these.
   */
  const plantedTrajectoryId = () => `planted-${newTrajectoryId()}`;

  /** consistentTrajectory under a planted- id, for the tests that then break it. */
  const plantedTrajectory = (policy: PaymentPolicy, history: PaymentHistoryEvent[]) =>
    consistentTrajectory(policy, history, undefined, plantedTrajectoryId());

  /** Records the decisions and issues every tranche the rules make due for `history`. */
  async function consistentTrajectory(
    policy: PaymentPolicy,
    history: PaymentHistoryEvent[],
    dueDate = '2026-11-02',
    trajectoryId = newTrajectoryId(),
  ) {
    for (const event of history) {
      if ('decision' in event) {
        const cause = event.type === 'PRICE_CORRECTED' ? 'PRICE_CORRECTION' : undefined;
        await activities.recordCareDecision(decisionInput(trajectoryId, policy, event.decision, { cause }));
      }
    }
    const schedule = paymentScheduleFor(policy, history);
    const rows = await issueTranches(activities, trajectoryId, schedule.tranches, dueDate);
    return { trajectoryId, schedule, rows };
  }

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

  describe('release, export and confirm', () => {
    it('releases only payments whose due date has come', async () => {
      const trajectoryId = plantedTrajectoryId();
      const base = {
        trajectoryId,
        municipalityCode: MUNICIPALITY,
        providerId: PROVIDER,
        basis: 'test tranche',
      };
      await activities.issuePayment({
        ...base,
        idempotencyKey: `${trajectoryId}:PERIOD:1:1`,
        kind: 'PERIOD',
        period: 1,
        amountCents: 78_000,
        decisionVersion: 1,
        dueDate: '2026-10-01',
      });
      await activities.issuePayment({
        ...base,
        idempotencyKey: `${trajectoryId}:PERIOD:1:2`,
        kind: 'PERIOD',
        period: 2,
        amountCents: 78_000,
        decisionVersion: 1,
        dueDate: '2030-01-01',
      });
      expect(await activities.releaseDuePayments('2026-11-25T09:00:00Z')).toBeGreaterThanOrEqual(1);
      const statuses = (await ledger.list({ trajectoryId })).items.map((p) => [p.period, p.status]);
      expect(statuses).toEqual([
        [1, 'RELEASED'],
        [2, 'SCHEDULED'],
      ]);
    });

    it('exports a period once: the rows become EXPORTED with the batch id, a second export has 0 rows', async () => {
      const { trajectoryId, rows } = await consistentTrajectory(
        paymentPolicyFor('MONTHLY'),
        [
          {
            type: 'START_CONFIRMED',
            decision: terms(paymentPolicyFor('MONTHLY'), 1, 78_000, 'WF-J-B-DUU-M'),
          },
          { type: 'PERIOD_STARTED', period: 2 },
        ],
        '2026-03-02',
      );
      const first = await exports.export({ period: '2026-03', format: 'csv', actor: 'fin-wf-02' });
      expect(first.batch).toMatchObject({
        period: '2026-03',
        format: 'csv',
        createdBy: 'fin-wf-02',
        confirmedAt: null,
      });
      expect(first.batch.rowCount).toBeGreaterThanOrEqual(2);
      const lines = first.content.trim().split('\r\n');
      expect(lines[0]).toMatch(/^batch_id,declaration_period,payment_id,idempotency_key,/);
      const mine = lines.filter((l) => l.includes(trajectoryId));
      expect(mine).toHaveLength(2);
      expect(mine[0]).toContain(',45,45D12,82,4,2026-03-01,2026-03-31,78000,D,');
      const after = (await ledger.list({ trajectoryId })).items;
      expect(after.map((p) => [p.status, p.exportBatchId])).toEqual(
        rows.map(() => ['EXPORTED', first.batch.id]),
      );

      const second = await exports.export({ period: '2026-03', format: 'csv', actor: 'fin-wf-02' });
      expect(second.batch.rowCount).toBe(0);
      expect(second.batch.totalCents).toBe(0);
      expect(
        await count(
          `SELECT count(*) n FROM payment_instruction WHERE trajectory_id = $1 AND export_batch_id = $2`,
          [trajectoryId, second.batch.id],
        ),
      ).toBe(0);

      const confirmed = await exports.confirm(first.batch.id, 'fin-wf-03');
      expect(confirmed).toMatchObject({ confirmedBy: 'fin-wf-03' });
      expect((await ledger.list({ trajectoryId })).items.map((p) => p.status)).toEqual([
        'CONFIRMED',
        'CONFIRMED',
      ]);
      expect((await exports.confirm(first.batch.id, 'fin-wf-04')).confirmedBy).toBe('fin-wf-03');
      const trail = (await ledger.events(rows[0].idempotencyKey)).map((e) => `${e.toStatus}:${e.actor}`);
      expect(trail).toEqual([
        'SCHEDULED:system:trajectory-workflow',
        'RELEASED:system:release',
        'EXPORTED:fin-wf-02',
        'CONFIRMED:fin-wf-03',
      ]);
    });

    it('never puts a row in two batches when two exports of one period race', async () => {
      const monthly = paymentPolicyFor('MONTHLY');
      const history: PaymentHistoryEvent[] = [
        { type: 'START_CONFIRMED', decision: terms(monthly, 1, 52_000, 'WF-W-B-BGD-B') },
      ];
      for (let period = 2; period <= 8; period += 1) history.push({ type: 'PERIOD_STARTED', period });
      const { trajectoryId } = await consistentTrajectory(monthly, history, '2026-04-15');
      const [a, b] = await Promise.all([
        exports.export({ period: '2026-04', format: 'json', actor: 'fin-a' }),
        exports.export({ period: '2026-04', format: 'json', actor: 'fin-b' }),
      ]);
      const keysIn = (content: string) =>
        (JSON.parse(content) as DeclarationExport).declarations
          .flatMap((d) => d.clients)
          .filter((c) => c.trajectoryReference === trajectoryId)
          .flatMap((c) => c.lines.map((l) => l.productReference));
      const inA = keysIn(a.content);
      const inB = keysIn(b.content);
      expect(inA.length + inB.length).toBe(8);
      expect(inA.filter((k) => inB.includes(k))).toEqual([]);
    });

    it('shapes the JSON export like a 323 declaration with product codes and no personal data', async () => {
      const { trajectoryId, rows } = await consistentTrajectory(
        recovery,
        [{ type: 'START_CONFIRMED', decision: terms(recovery, 1, 540_000, 'WF-J-B-OPV-M') }],
        '2026-02-10',
      );
      const { batch, content } = await exports.export({
        period: '2026-02',
        format: 'json',
        actor: 'fin-wf-02',
      });
      const message = JSON.parse(content) as DeclarationExport;
      expect(message).toMatchObject({ message: '323', batchId: batch.id, period: '2026-02' });
      const declaration = message.declarations.find((d) =>
        d.clients.some((c) => c.trajectoryReference === trajectoryId),
      );
      expect(declaration).toMatchObject({
        providerId: PROVIDER,
        municipalityCode: MUNICIPALITY,
        declarationPeriod: { start: '2026-02-01', end: '2026-02-28' },
      });
      const client = declaration?.clients.find((c) => c.trajectoryReference === trajectoryId);
      expect(client?.lines).toEqual([
        expect.objectContaining({
          productReference: rows[0].idempotencyKey,
          productCategory: '45',
          productCode: '45R12',
          unit: '83',
          productPeriod: { start: '2026-02-01', end: '2026-02-28' },
          amount: { amountCents: 360_000, debitCredit: 'D' },
        }),
      ]);
      expect(content).not.toMatch(/bsn|"name"/i);
    });
  });

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

  describe('demo arrangement catalogue', () => {
    it('holds 2026 and 2027 demo tariffs for both domains, segments B and C and every pricing basis', async () => {
      const all = await new ArrangementCatalogue(db).list({ region: 'WEST-FRIESLAND' });
      const demo = all.filter((a) => a.demo);
      expect(new Set(demo.map((a) => a.domain))).toEqual(new Set(['JEUGD', 'WMO']));
      expect(new Set(demo.map((a) => a.segment))).toEqual(new Set(['B', 'C']));
      expect(new Set(demo.map((a) => a.pricingBasis))).toEqual(
        new Set(['PER_TRAJECTORY', 'PER_MONTH', 'PER_4_WEEKS', 'PER_YEAR_AVERAGE']),
      );
      for (const code of new Set(demo.map((a) => a.code))) {
        expect(demo.filter((a) => a.code === code).map((a) => a.validFrom)).toEqual([
          '2026-01-01',
          '2027-01-01',
        ]);
      }
      for (const a of demo) {
        expect(a.tariffCents).toBeGreaterThan(0);
        expect(Number.isSafeInteger(a.tariffCents)).toBe(true);
        const expectedUnit = {
          PER_TRAJECTORY: ['83', '6'],
          PER_MONTH: ['82', '4'],
          PER_4_WEEKS: ['82', '6'],
          PER_YEAR_AVERAGE: ['83', '6'],
          TASK: [],
        }[a.pricingBasis];
        expect([a.iStandaarden.unitCode, a.iStandaarden.frequencyCode]).toEqual(expectedUnit);
      }
      const byBasis = Object.fromEntries(demo.map((a) => [a.pricingBasis, a.effectivePaymentPreset]));
      expect(byBasis).toEqual({
        PER_TRAJECTORY: 'WF_RECOVERY',
        PER_MONTH: 'MONTHLY',
        PER_4_WEEKS: 'PERIOD_4W_BLOCKS',
        PER_YEAR_AVERAGE: 'ANNUAL_HIGH_COMPLEX',
      });
    });

    it('has no overlapping validity, and the database refuses an overlapping version', async () => {
      expect(
        await count(
          `SELECT count(*) n FROM arrangement a JOIN arrangement b ON a.code = b.code AND a.id < b.id
           AND daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')`,
          [],
        ),
      ).toBe(0);
      const valid = await new ArrangementCatalogue(db).list({ validOn: '2026-06-01' });
      expect(valid.length).toBe(new Set(valid.map((a) => a.code)).size);
      await expect(
        db.query(
          `INSERT INTO arrangement (code, region, domain, segment, profile_code, profile_label, intensity_code,
             intensity_rank, intensity_label, pricing_basis, tariff_cents, trajectory_type, default_duration_value,
             default_duration_unit, valid_from, valid_to, product_category, product_code, unit_code, frequency_code)
           SELECT code, region, domain, segment, profile_code, profile_label, intensity_code, intensity_rank,
             intensity_label, pricing_basis, 1, trajectory_type, default_duration_value, default_duration_unit,
             '2026-07-01', '2027-06-30', product_category, product_code, unit_code, frequency_code
           FROM arrangement WHERE code = 'WF-J-B-OPV-M' AND valid_from = '2026-01-01'`,
        ),
      ).rejects.toThrow(/ex_arrangement_validity/);
    });
  });
});

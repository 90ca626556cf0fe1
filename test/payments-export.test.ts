import type { PaymentActivities } from '../activities/payments.activities';
import { paymentPolicyFor, type PaymentHistoryEvent } from '@app/domain';
import { PaymentExportService, PaymentLedger, type DeclarationExport } from '@app/ledger';
import { MUNICIPALITY, PROVIDER, terms } from './support/payment-fixtures';
import { useLedgerSuite } from './support/ledger-suite';

/**
 * Release, export and confirmation of payments against the real PostgreSQL: exports never take a row twice.
 */
describe('payment ledger on PostgreSQL: release, export and confirmation: no row exported twice', () => {
  const suite = useLedgerSuite();
  const { count, plantedTrajectoryId, consistentTrajectory, recovery } = suite;
  let activities: PaymentActivities;
  let ledger: PaymentLedger;
  let exports: PaymentExportService;
  beforeAll(() => ({ activities, ledger, exports } = suite.handles()));

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
});

import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createPaymentActivities, type PaymentActivities } from '../activities/payments.activities';
import { paymentPolicyFor, paymentScheduleFor, type PaymentHistoryEvent } from '@app/domain';
import { bearer } from './support/auth';
import {
  decisionInput,
  issueTranches,
  MUNICIPALITY,
  newTrajectoryId,
  PROVIDER,
  terms,
} from './support/payment-fixtures';
import { bootStack, openDataSource, RunningStack, uniqueTaskQueue } from './support/stack';
import type { PaymentInstructionView } from '@app/contracts';

/** The payments API over HTTP against the real PostgreSQL and Temporal. */
describe('payments API: catalogue, ledger, withhold, finance exports, reconciliation', () => {
  let stack: RunningStack;
  let http: App;
  let db: DataSource;
  let activities: PaymentActivities;
  const finance = bearer(['FINANCE']);
  const localTeam = bearer(['LOCAL_TEAM'], [MUNICIPALITY], undefined, 'lt-hoorn-07');
  const otherLocalTeam = bearer(['LOCAL_TEAM'], ['GM9999']);
  const municipalFinance = bearer(['FINANCE'], [MUNICIPALITY], undefined, 'fin-hoorn-02');
  const otherFinance = bearer(['FINANCE'], ['GM9999']);
  const recovery = paymentPolicyFor('WF_RECOVERY');

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('payments'));
    http = stack.api.getHttpServer();
    db = await openDataSource();
    activities = createPaymentActivities(db);
  });

  afterAll(async () => {
    await stack?.close();
    await db?.destroy();
  });

  /**
   * A started recovery trajectory with its INITIAL tranche due on `dueDate`. `planted`: a test will break its
   * ledger on purpose, so its id carries the prefix the suite-wide reconciliation leaves out.
   */
  async function startedTrajectory(
    dueDate: string,
    tariffCents = 540_000,
    planted = false,
  ): Promise<PaymentInstructionView[]> {
    const trajectoryId = planted ? `planted-${newTrajectoryId('API')}` : newTrajectoryId('API');
    const v1 = terms(recovery, 1, tariffCents, 'WF-J-B-OPV-M');
    await activities.recordCareDecision(decisionInput(trajectoryId, recovery, v1));
    const history: PaymentHistoryEvent[] = [{ type: 'START_CONFIRMED', decision: v1 }];
    return issueTranches(activities, trajectoryId, paymentScheduleFor(recovery, history).tranches, dueDate);
  }

  describe('GET /arrangements', () => {
    it('filters the catalogue by domain, segment and validity date', async () => {
      const res = await request(http)
        .get('/arrangements')
        .query({ domain: 'JEUGD', segment: 'C', validOn: '2027-02-01' })
        .set('Authorization', localTeam)
        .expect(200);
      expect(
        res.body.every((a: { domain: string; segment: string }) => a.domain === 'JEUGD' && a.segment === 'C'),
      ).toBe(true);
      expect(res.body).toContainEqual(
        expect.objectContaining({
          code: 'WF-J-C-HC-Z',
          pricingBasis: 'PER_YEAR_AVERAGE',
          tariffCents: 4_738_000,
          validFrom: '2027-01-01',
          effectivePaymentPreset: 'ANNUAL_HIGH_COMPLEX',
          demo: true,
        }),
      );
    });

    it('answers every version of a code, the one valid on a date, 404 for an unknown code, 400 for bad input', async () => {
      const versions = await request(http)
        .get('/arrangements/WF-W-B-RGHH-M')
        .set('Authorization', finance)
        .expect(200);
      expect(versions.body.map((a: { tariffCents: number }) => a.tariffCents)).toEqual([23_600, 24_308]);
      const one = await request(http)
        .get('/arrangements/WF-W-B-RGHH-M')
        .query({ validOn: '2027-03-01' })
        .set('Authorization', finance)
        .expect(200);
      expect(one.body).toEqual([
        expect.objectContaining({ pricingBasis: 'PER_4_WEEKS', validFrom: '2027-01-01' }),
      ]);
      await request(http).get('/arrangements/WF-NOPE').set('Authorization', finance).expect(404);
      await request(http)
        .get('/arrangements/WF-W-B-RGHH-M')
        .query({ validOn: '2019-01-01' })
        .set('Authorization', finance)
        .expect(404);
      await request(http)
        .get('/arrangements')
        .query({ domain: 'ZORG' })
        .set('Authorization', finance)
        .expect(400);
      await request(http).get('/arrangements').expect(401);
    });
  });

  describe('GET /payments and /trajectories/:id/payments', () => {
    it('pages through the ledger with a cursor and filters', async () => {
      const [initial] = await startedTrajectory('2026-11-04', 540_000, true);
      const second = await activities.issuePayment({
        idempotencyKey: `${initial.trajectoryId}:ADJUSTMENT:1:1`,
        trajectoryId: initial.trajectoryId,
        municipalityCode: MUNICIPALITY,
        providerId: PROVIDER,
        kind: 'ADJUSTMENT',
        amountCents: -10_000,
        basis: 'retroactive price correction (domain.md §7.8, R-END-05)',
        decisionVersion: 1,
        dueDate: '2026-11-05',
      });
      const page1 = await request(http)
        .get('/payments')
        .query({ trajectoryId: initial.trajectoryId, limit: 1 })
        .set('Authorization', finance)
        .expect(200);
      expect(page1.body.items).toEqual([
        expect.objectContaining({ idempotencyKey: initial.idempotencyKey, amountCents: 360_000 }),
      ]);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await request(http)
        .get('/payments')
        .query({ trajectoryId: initial.trajectoryId, limit: 1, cursor: page1.body.nextCursor })
        .set('Authorization', finance)
        .expect(200);
      expect(page2.body).toEqual({
        items: [expect.objectContaining({ id: second.id, amountCents: -10_000 })],
        nextCursor: null,
      });
      const adjustments = await request(http)
        .get('/payments')
        .query({ trajectoryId: initial.trajectoryId, kind: 'ADJUSTMENT', period: '2026-11' })
        .set('Authorization', finance)
        .expect(200);
      expect(adjustments.body.items.map((p: PaymentInstructionView) => p.id)).toEqual([second.id]);
      await request(http)
        .get('/payments')
        .query({ status: 'PAID' })
        .set('Authorization', finance)
        .expect(400);
      await request(http)
        .get('/payments')
        .query({ cursor: 'bm9wZQ' })
        .set('Authorization', finance)
        .expect(400);
      await request(http)
        .get('/payments')
        .query({ bsn: '123456782' })
        .set('Authorization', finance)
        .expect(400);
    });

    it('shows a trajectory’s payments to its municipality only (404 for another, like an unknown id)', async () => {
      const [initial] = await startedTrajectory('2026-11-06');
      const own = await request(http)
        .get(`/trajectories/${initial.trajectoryId}/payments`)
        .set('Authorization', localTeam)
        .expect(200);
      expect(own.body.items.map((p: PaymentInstructionView) => [p.kind, p.status])).toEqual([
        ['INITIAL', 'SCHEDULED'],
      ]);
      const other = await request(http)
        .get(`/trajectories/${initial.trajectoryId}/payments`)
        .set('Authorization', otherLocalTeam)
        .expect(404);
      expect(other.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    });
  });

  describe('POST /payments/:idempotencyKey/withhold', () => {
    it('finance withholds with a written reason and audits it; 403 for the local team, 400 without reason, 404 unknown, 409 when not open', async () => {
      const [initial] = await startedTrajectory('2026-11-07');
      const path = `/payments/${encodeURIComponent(initial.idempotencyKey)}/withhold`;
      // domain.md §7.8: withholding is the municipality's finance decision, as on the lifecycle route.
      await request(http)
        .post(path)
        .set('Authorization', localTeam)
        .send({ reasonCode: 'X_Y_Z' })
        .expect(403);
      await request(http).post(path).set('Authorization', municipalFinance).send({}).expect(400);
      await request(http)
        .post(path)
        .set('Authorization', municipalFinance)
        .send({ reasonCode: 'RESULTS_NOT_DISCUSSED', reasonRef: 'Jan de Vries' })
        .expect(400);
      // Free text is refused: a reason written about a family is personal data (decisions.md 11).
      await request(http)
        .post(path)
        .set('Authorization', municipalFinance)
        .send({ reason: 'results not discussed with Jan de Vries' })
        .expect(400);
      await request(http)
        .post(path)
        .set('Authorization', otherFinance)
        .send({ reasonCode: 'NOT_OURS' })
        .expect(404);
      await request(http)
        .post('/payments/no-such-key/withhold')
        .set('Authorization', municipalFinance)
        .send({ reasonCode: 'X_Y_Z' })
        .expect(404);
      const reason = 'RESULTS_NOT_DISCUSSED ref:memo-2026-113';
      const res = await request(http)
        .post(path)
        .set('Authorization', municipalFinance)
        .send({ reasonCode: 'RESULTS_NOT_DISCUSSED', reasonRef: 'memo-2026-113' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'WITHHELD', statusReason: reason, amountCents: 360_000 });
      const events = await db.query(
        `SELECT to_status, actor, reason FROM payment_event WHERE idempotency_key = $1 ORDER BY id`,
        [initial.idempotencyKey],
      );
      expect(events[1]).toEqual({ to_status: 'WITHHELD', actor: 'jwt:fin-hoorn-02', reason });

      const cancelled = await activities.issuePayment({
        idempotencyKey: `${initial.trajectoryId}:FINAL:1`,
        trajectoryId: initial.trajectoryId,
        municipalityCode: MUNICIPALITY,
        providerId: PROVIDER,
        kind: 'FINAL',
        amountCents: 180_000,
        basis: 'final 1/3 (R-PAY-01)',
        decisionVersion: 1,
        dueDate: '2026-11-07',
        status: 'CANCELLED',
        statusReason: 'early dropout (R-END-01)',
      });
      const conflict = await request(http)
        .post(`/payments/${encodeURIComponent(cancelled.idempotencyKey)}/withhold`)
        .set('Authorization', municipalFinance)
        .send({ reasonCode: 'RESULTS_NOT_DISCUSSED' })
        .expect(409);
      expect(conflict.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
    });
  });

  describe('finance exports', () => {
    it('exports a month as CSV once, serves the same file again, and confirms the batch', async () => {
      const [initial] = await startedTrajectory('2026-05-12');
      const created = await request(http)
        .post('/payments/exports')
        .set('Authorization', finance)
        .send({ period: '2026-05', format: 'csv' })
        .expect(201)
        .expect('Content-Type', /text\/csv/);
      const batchId = created.headers['x-export-batch-id'];
      expect(created.headers.location).toBe(`/payments/exports/${batchId}`);
      const mine = created.text.split('\r\n').filter((l) => l.includes(initial.idempotencyKey));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toContain(`,${initial.trajectoryId},`);
      expect(mine[0]).toContain(',45,45R12,83,6,2026-05-01,2026-05-31,360000,D,');

      const again = await request(http)
        .get(`/payments/exports/${batchId}`)
        .set('Authorization', finance)
        .expect(200);
      expect(again.text).toBe(created.text);
      const second = await request(http)
        .post('/payments/exports')
        .set('Authorization', finance)
        .send({ period: '2026-05', format: 'csv' })
        .expect(201);
      expect(second.headers['x-export-row-count']).toBe('0');

      const confirmed = await request(http)
        .post(`/payments/exports/${batchId}/confirm`)
        .set('Authorization', finance)
        .expect(200);
      expect(confirmed.body).toMatchObject({
        id: batchId,
        confirmedAt: expect.any(String),
        confirmedBy: 'jwt:test-finance',
      });
      const ledger = await request(http)
        .get(`/trajectories/${initial.trajectoryId}/payments`)
        .set('Authorization', finance)
        .expect(200);
      expect(ledger.body.items).toEqual([
        expect.objectContaining({ status: 'CONFIRMED', exportBatchId: batchId }),
      ]);

      // Finance finds a month's batches again, newest first, without their content.
      const listed = await request(http)
        .get('/payments/exports?period=2026-05')
        .set('Authorization', finance)
        .expect(200);
      expect(listed.body.map((b: { id: string }) => b.id)).toEqual([
        second.headers['x-export-batch-id'],
        batchId,
      ]);
      expect(listed.body[1]).toMatchObject({ rowCount: 1, confirmedAt: expect.any(String) });
      expect(listed.body[1]).not.toHaveProperty('content');
      const bad = await request(http)
        .get('/payments/exports?period=2026-13')
        .set('Authorization', finance)
        .expect(400);
      expect(JSON.stringify(bad.body.errors)).toContain('period');
    });

    it('exports JSON shaped like a 323 declaration', async () => {
      const [initial] = await startedTrajectory('2026-06-03', 285_000);
      const res = await request(http)
        .post('/payments/exports')
        .set('Authorization', finance)
        .send({ period: '2026-06', format: 'json' })
        .expect(201);
      expect(res.body.batch).toMatchObject({
        period: '2026-06',
        format: 'json',
        rowCount: 1,
        totalCents: 190_000,
      });
      expect(res.body.declaration.declarations[0]).toMatchObject({
        providerId: PROVIDER,
        municipalityCode: MUNICIPALITY,
        clients: [
          {
            trajectoryReference: initial.trajectoryId,
            lines: [
              expect.objectContaining({
                productCode: '45R12',
                amount: { amountCents: 190_000, debitCredit: 'D' },
              }),
            ],
          },
        ],
      });
    });

    it('validates input (400), hides unknown batches (404) and keeps exports region-wide finance only (403)', async () => {
      await request(http)
        .post('/payments/exports')
        .set('Authorization', finance)
        .send({ period: '2026-13', format: 'csv' })
        .expect(400);
      await request(http)
        .post('/payments/exports')
        .set('Authorization', finance)
        .send({ period: '2026-05', format: 'xml' })
        .expect(400);
      await request(http).get('/payments/exports/not-a-uuid').set('Authorization', finance).expect(404);
      await request(http)
        .post('/payments/exports/5f0c9d3e-1111-4222-8333-944455556666/confirm')
        .set('Authorization', finance)
        .expect(404);
      await request(http)
        .post('/payments/exports')
        .set('Authorization', localTeam)
        .send({ period: '2026-05', format: 'csv' })
        .expect(403);
      await request(http)
        .post('/payments/exports')
        .set('Authorization', bearer(['FINANCE'], [MUNICIPALITY]))
        .send({ period: '2026-05', format: 'csv' })
        .expect(403);
    });
  });

  describe('GET /reconciliation', () => {
    it('reports a consistent trajectory without deviations and a planted duplicate with one', async () => {
      const [initial] = await startedTrajectory('2026-11-09', 540_000, true);
      const clean = await request(http)
        .get('/reconciliation')
        .query({ trajectoryId: initial.trajectoryId })
        .set('Authorization', finance)
        .expect(200);
      expect(clean.body).toMatchObject({ trajectoriesChecked: 1, deviationCount: 0 });
      expect(clean.body.trajectories[0]).toMatchObject({
        expectedCents: 360_000,
        issuedCents: 360_000,
        deviations: [],
      });

      await activities.issuePayment({
        idempotencyKey: `${initial.idempotencyKey}:again`,
        trajectoryId: initial.trajectoryId,
        municipalityCode: MUNICIPALITY,
        providerId: PROVIDER,
        kind: 'INITIAL',
        amountCents: initial.amountCents,
        basis: initial.basis,
        decisionVersion: 1,
        dueDate: '2026-11-09',
      });
      const dirty = await request(http)
        .get('/reconciliation')
        .query({ trajectoryId: initial.trajectoryId, onlyDeviations: 'true' })
        .set('Authorization', finance)
        .expect(200);
      expect(dirty.body.trajectories[0].deviations.map((d: { code: string }) => d.code)).toEqual([
        'DUPLICATE_TRANCHE',
        'TOTAL_MISMATCH',
      ]);
      await request(http).get('/reconciliation').set('Authorization', localTeam).expect(403);
    });
  });

  it('documents the payment routes in OpenAPI', async () => {
    const res = await request(http).get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/arrangements',
        '/arrangements/{code}',
        '/payments',
        '/trajectories/{trajectoryId}/payments',
        '/payments/exports',
        '/payments/exports/{batchId}',
        '/payments/exports/{batchId}/confirm',
        '/payments/{idempotencyKey}/withhold',
        '/reconciliation',
      ]),
    );
  });
});

import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { bootStack, eventually, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';
import { planSubmission } from './support/plan-submission';

/**
 * A whole trajectory driven through the HTTP API alone, as the README's walkthrough does with curl:
 * intake → plan → signatures → escalation → table decision → start (initial payment) → evaluation with
 * scaling up → evaluation → completion → final payment. Real Temporal dev server and PostgreSQL; the
 * evaluation timers are shortened through the per-trajectory policy overrides.
 */
describe('API walkthrough: a whole trajectory over HTTP', () => {
  let stack: RunningStack;
  let http: App;
  const municipality = 'GM0405';
  const provider = 'PRV-HORIZON';
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-hoorn');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-hoorn-07');
  const providerUser = bearer(['PROVIDER'], [], provider, 'prv-horizon-user-3');
  const table = bearer(['BREAKTHROUGH_TABLE'], [municipality], undefined, 'table-chair-1');
  const caseReference = uniqueRef('WALK');
  const id = `trajectory-${municipality}-${caseReference}`;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('walkthrough'));
    http = stack.api.getHttpServer();
  });
  afterAll(() => stack?.close());

  const post = (path: string, token: string, body: object = {}) =>
    request(http).post(path).set('Authorization', token).send(body);
  const view = async (token = localTeam) =>
    (await request(http).get(`/trajectories/${id}`).set('Authorization', token).expect(200)).body;
  const payments = async () =>
    (await request(http).get(`/trajectories/${id}/payments`).set('Authorization', localTeam).expect(200)).body
      .items as { kind: string; amountCents: number }[];
  const evaluationOf = (outcome: string) => ({
    resultAssessments: [
      { resultId: 'r1', attainment: outcome === 'COMPLETE' ? 'ACHIEVED' : 'PARTIAL' },
      { resultId: 'r2', attainment: 'ACHIEVED' },
    ],
    clientSatisfaction: 'POSITIVE',
    outcome,
  });

  it('drives intake to final payment', async () => {
    const started = await post('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId: 'c-7f3a9b',
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
      policyOverrides: {
        firstEvaluation: { duration: '2 seconds' },
        evaluationInterval: { duration: '2 seconds' },
      },
    }).expect(201);
    expect(started.body.trajectoryId).toBe(id);

    expect((await post(`/trajectories/${id}/drafting`, localTeam).expect(200)).body.status).toBe('DRAFTING');
    // The family chose the lead provider; the local team records it, and the provider submits the plan whose
    // intensity it proposes (R-ROLE-05, R-ROLE-02).
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: provider,
      chosenByFamily: true,
    }).expect(200);
    const submitted = await post(
      `/trajectories/${id}/plan/submit`,
      providerUser,
      planSubmission(provider),
    ).expect(200);
    expect(submitted.body).toMatchObject({ status: 'AWAITING_APPROVAL', planVersion: 1 });
    expect(submitted.body.missingSignatures).toEqual(['CLIENT', 'LEAD_PROVIDER']);

    await post(`/trajectories/${id}/plan/sign`, caseSystem, { planVersion: 1, party: 'CLIENT' }).expect(200);
    await post(`/trajectories/${id}/plan/sign`, providerUser, {
      planVersion: 1,
      party: 'LEAD_PROVIDER',
    }).expect(200);

    // A financial dispute: the local team escalates to the breakthrough table (domain.md §4.2).
    const escalated = await post(`/trajectories/${id}/escalate`, localTeam, {
      trigger: 'FINANCIAL_DISPUTE',
    }).expect(200);
    expect(escalated.body.status).toBe('ESCALATED');
    const escalationId = escalated.body.openEscalation.id as string;
    const docket = await eventually(async () => {
      const res = await request(http).get('/escalations').set('Authorization', table).expect(200);
      return (res.body as { escalationId: string }[]).find((e) => e.escalationId === escalationId);
    });
    expect(docket).toMatchObject({
      trigger: 'FINANCIAL_DISPUTE',
      roundCount: 1,
      askedArrangement: 'WF-J-B-OPV-M',
    });

    const decided = await post(`/escalations/${escalationId}/decision`, table, {
      code: 'APPROVE_AS_SUBMITTED',
      rationaleRef: 'rationale-2026-31',
    }).expect(200);
    expect(decided.body).toMatchObject({ status: 'DECIDED', decisionVersion: 1 });

    expect((await post(`/trajectories/${id}/start`, providerUser).expect(200)).body.status).toBe('ACTIVE');
    // R-PAY-01: 2/3 of the 5,400.00 tariff at the start.
    expect(await eventually(async () => ((await payments()).length === 1 ? payments() : undefined))).toEqual([
      expect.objectContaining({ kind: 'INITIAL', amountCents: 360_000 }),
    ]);

    await eventually(async () => ((await view()).subFlags.evaluationDue ? true : undefined));
    await post(`/trajectories/${id}/evaluations`, localTeam, { evaluation: evaluationOf('SCALE_UP') }).expect(
      200,
    );
    const change = await post(`/trajectories/${id}/arrangement-changes`, localTeam, {
      arrangementCode: 'WF-J-B-OPV-Z',
      reasonCode: 'RESULTS_NOT_ACHIEVED',
    }).expect(200);
    expect(change.body.pendingChange).toMatchObject({ direction: 'UP' });
    const scaled = await post(`/trajectories/${id}/arrangement-changes/decision`, localTeam, {
      changeId: change.body.pendingChange.id,
      decision: 'APPROVE',
    }).expect(200);
    expect(scaled.body.decisionVersion).toBe(2);

    await eventually(async () => ((await view()).subFlags.evaluationDue ? true : undefined));
    await post(`/trajectories/${id}/evaluations`, localTeam, { evaluation: evaluationOf('CONTINUE') }).expect(
      200,
    );
    const completed = await post(`/trajectories/${id}/completion`, localTeam, {
      finalEvaluation: evaluationOf('COMPLETE'),
    }).expect(200);
    expect(['COMPLETING', 'CLOSED']).toContain(completed.body.status);

    // §7.8 scale up: 2/3 of the new 9,750.00 tariff minus what was paid, then the final third.
    const ledger = await eventually(async () => {
      const rows = await payments();
      return rows.some((r) => r.kind === 'FINAL') ? rows : undefined;
    });
    expect(ledger.map((r) => [r.kind, r.amountCents])).toEqual([
      ['INITIAL', 360_000],
      ['ADJUSTMENT', 290_000],
      ['FINAL', 325_000],
    ]);
    const closed = await eventually(async () => {
      const v = await view();
      return v.status === 'CLOSED' ? v : undefined;
    });
    expect(closed.closure).toMatchObject({ reason: 'COMPLETED_PER_PLAN' });

    const audit = (
      await request(http).get(`/trajectories/${id}/audit`).set('Authorization', localTeam).expect(200)
    ).body as { type: string; actorRef: string }[];
    expect(audit.map((a) => a.actorRef)).toEqual(expect.arrayContaining(['lt-hoorn-07', 'table-chair-1']));
  });
});

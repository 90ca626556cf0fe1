import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer } from './support/auth';
import { contractProvider } from './support/provider-register';
import { planSubmission } from './support/plan-submission';
import { bootStack, eventually, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * Nobody signs off their own money (issue 14): over HTTP, a provider's COMPLETE is a proposal that neither
 * closes the trajectory nor pays the final tranche until the local team confirms it; the body no longer
 * carries a participation flag; the new route validates at the edge, refuses what the state forbids and
 * names the rule it breaks.
 */
jest.setTimeout(240_000);

describe('a provider’s evaluation outcome is a proposal for the local team', () => {
  let stack: RunningStack;
  let http: App;
  const municipality = 'GM0405';
  const provider = 'PRV-PROPOSE';
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-hoorn');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-hoorn-11');
  const providerUser = bearer(['PROVIDER'], [], provider, 'prv-propose-user-1');
  const caseReference = uniqueRef('PROPOSE');
  const id = `trajectory-${municipality}-${caseReference}`;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('proposal'));
    http = stack.api.getHttpServer();
    await contractProvider(http, provider);
  });
  afterAll(() => stack?.close());

  const post = (path: string, token: string, body: object = {}) =>
    request(http).post(path).set('Authorization', token).send(body);
  const payments = async () =>
    (await request(http).get(`/trajectories/${id}/payments`).set('Authorization', localTeam).expect(200)).body
      .items as { kind: string; amountCents: number }[];
  const completion = {
    resultAssessments: [
      { resultId: 'r1', attainment: 'ACHIEVED' },
      { resultId: 'r2', attainment: 'ACHIEVED' },
    ],
    clientSatisfaction: 'POSITIVE',
    outcome: 'COMPLETE',
  };
  const decide = (token: string, body: object) =>
    post(`/trajectories/${id}/evaluations/proposal/decision`, token, body);

  beforeAll(async () => {
    await post('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId: 'c-propose-1',
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    }).expect(201);
    await post(`/trajectories/${id}/drafting`, localTeam).expect(200);
    // Before the family's choice is recorded the provider cannot even see the trajectory.
    await post(`/trajectories/${id}/plan/submit`, providerUser, planSubmission(provider)).expect(404);
    await post(`/trajectories/${id}/lead-provider`, localTeam, { leadProviderId: provider }).expect(422);
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: provider,
      chosenByFamily: false,
    }).expect(422);
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: provider,
      chosenByFamily: true,
    }).expect(200);
    const { leadProviderChosenByFamily: _attested, ...plan } = planSubmission(provider);
    await post(`/trajectories/${id}/plan/submit`, providerUser, plan).expect(200);
    await post(`/trajectories/${id}/plan/sign`, caseSystem, { planVersion: 1, party: 'CLIENT' }).expect(200);
    await post(`/trajectories/${id}/plan/sign`, providerUser, {
      planVersion: 1,
      party: 'LEAD_PROVIDER',
    }).expect(200);
    await post(`/trajectories/${id}/plan/approve`, localTeam, { planVersion: 1 }).expect(200);
    await post(`/trajectories/${id}/start`, providerUser).expect(200);
    await eventually(async () => ((await payments()).length === 1 ? true : undefined));
  });

  it('refuses a participation flag in the body with 400 naming the field', async () => {
    const res = await post(`/trajectories/${id}/evaluations`, providerUser, {
      evaluation: { ...completion, localTeamParticipated: true },
    }).expect(400);
    expect(JSON.stringify(res.body.errors)).toContain('localTeamParticipated');
  });

  it('409 with the allowed actions for a lead-provider choice once care runs', async () => {
    const res = await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: 'PRV-OTHER',
      chosenByFamily: true,
    }).expect(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'ACTIVE' });
    expect(res.body.allowedActions).not.toContain('chooseLeadProvider');
  });

  it('409 with the allowed actions when there is no proposal to decide', async () => {
    const res = await decide(localTeam, { decision: 'CONFIRM' }).expect(409);
    expect(res.body.code).toBe('INVALID_TRANSITION');
    expect(res.body.allowedActions).toEqual(expect.arrayContaining(['recordEvaluation']));
    expect(res.body.allowedActions).not.toContain('decideEvaluationProposal');
  });

  it('a provider’s COMPLETE neither closes nor pays until the local team confirms', async () => {
    const proposed = await post(`/trajectories/${id}/evaluations`, providerUser, {
      evaluation: completion,
    }).expect(200);
    expect(proposed.body.status).toBe('ACTIVE');
    expect(proposed.body.evaluationProposal).toMatchObject({
      outcome: 'COMPLETE',
      proposedByRef: 'prv-propose-user-1',
      deadlineAt: expect.any(String),
    });
    expect(proposed.body.blocking).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ party: 'LOCAL_TEAM', reason: 'EVALUATION_PROPOSAL' }),
      ]),
    );
    expect((await payments()).map((p) => p.kind)).toEqual(['INITIAL']);

    // Only the local team decides; a second evaluation waits for that decision.
    await decide(providerUser, { decision: 'CONFIRM' }).expect(403);
    const again = await post(`/trajectories/${id}/evaluations`, providerUser, {
      evaluation: completion,
    }).expect(409);
    expect(again.body.allowedActions).toContain('decideEvaluationProposal');

    // At the edge: 400 for an unknown decision; 422 naming the rule for a rejection without a reason.
    const bad = await decide(localTeam, { decision: 'MAYBE' }).expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('decision');
    const reasonless = await decide(localTeam, { decision: 'REJECT' }).expect(422);
    expect(reasonless.body.code).toBe('DOMAIN_RULE_VIOLATION');
    expect(reasonless.body.errors.map((e: { field: string }) => e.field)).toContain('reasonCode');

    const confirmed = await decide(localTeam, { decision: 'CONFIRM' }).expect(200);
    expect(['COMPLETING', 'CLOSED']).toContain(confirmed.body.status);
    const ledger = await eventually(async () => {
      const rows = await payments();
      return rows.some((r) => r.kind === 'FINAL') ? rows : undefined;
    });
    expect(ledger.map((r) => r.kind)).toEqual(['INITIAL', 'FINAL']);

    const audit = (
      await request(http).get(`/trajectories/${id}/audit`).set('Authorization', localTeam).expect(200)
    ).body as { type: string; actorRef: string; details: Record<string, unknown> }[];
    const byType = (type: string) => audit.find((a) => a.type === type);
    expect(byType('EVALUATION_PROPOSED')).toMatchObject({ actorRef: 'prv-propose-user-1' });
    expect(byType('EVALUATION_CONFIRMED')).toMatchObject({ actorRef: 'lt-hoorn-11' });
    expect(byType('EVALUATION_RECORDED')?.details).toMatchObject({
      outcome: 'COMPLETE',
      localTeamParticipated: true,
      confirmedByRef: 'lt-hoorn-11',
    });
    // The family's choice is attested by the local team that recorded it; the intensity is the submitter's.
    expect(byType('LEAD_PROVIDER_CHOSEN')).toMatchObject({
      actorRef: 'lt-hoorn-11',
      details: expect.objectContaining({ leadProviderId: provider, attestations: ['CHOSEN_BY_FAMILY'] }),
    });
    expect(byType('PLAN_SUBMITTED')).toMatchObject({
      actorRef: 'prv-propose-user-1',
      details: expect.objectContaining({ intensityProposedBy: 'PROVIDER', attestations: [] }),
    });
  });
});

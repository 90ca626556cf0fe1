import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, clientBearer } from './support/auth';
import { contractProvider } from './support/provider-register';
import { planSubmission } from './support/plan-submission';
import { bootStack, eventually, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * The family in the process (issue 18): a resident (CLIENT) sees its own trajectory and nothing else (404), signs
 * the plan as itself, chooses the lead provider without anyone attesting it, and answers the satisfaction
 * question after an evaluation and at closure — and can do nothing else. K-O3 on the monitoring figures counts
 * the family's answers with the response rate, apart from the professional's tick.
 */
jest.setTimeout(240_000);

describe('the family: its own trajectory, its signature, its choice and its answers', () => {
  let stack: RunningStack;
  let http: App;
  const municipality = 'GM0405';
  const provider = uniqueRef('PRV-FAM').toUpperCase();
  const clientId = `c-${uniqueRef('FAM').toLowerCase()}`;
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-hoorn');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-hoorn-18');
  const providerUser = bearer(['PROVIDER'], [], provider, 'prv-family-user-1');
  const family = clientBearer(municipality, clientId);
  const otherFamily = clientBearer(municipality, `${clientId}-other`);
  const sameClientElsewhere = clientBearer('GM0363', clientId);
  const caseReference = uniqueRef('FAMILY');
  const id = `trajectory-${municipality}-${caseReference}`;
  const evaluation = (outcome: string) => ({
    resultAssessments: [
      { resultId: 'r1', attainment: 'ACHIEVED' },
      { resultId: 'r2', attainment: 'PARTIAL' },
    ],
    clientSatisfaction: 'NEGATIVE',
    outcome,
  });

  const post = (path: string, token: string, body: object = {}) =>
    request(http).post(path).set('Authorization', token).send(body);
  const put = (path: string, token: string, body: object) =>
    request(http).put(path).set('Authorization', token).send(body);
  const get = (path: string, token: string) => request(http).get(path).set('Authorization', token);

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('family'));
    http = stack.api.getHttpServer();
    await contractProvider(http, provider);
    await post('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId,
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    }).expect(201);
    await post(`/trajectories/${id}/drafting`, localTeam).expect(200);
    // The family's page reads from the read model: wait until it has the trajectory.
    await eventually(async () =>
      (await get(`/trajectories/${id}`, family)).status === 200 ? true : undefined,
    );
  });
  afterAll(() => stack?.close());

  it('sees its own trajectory, in the list and by id, and nobody else’s (404)', async () => {
    const list = await get('/trajectories', family).expect(200);
    expect(list.body.items.map((t: { trajectoryId: string }) => t.trajectoryId)).toEqual([id]);
    const mine = await get(`/trajectories/${id}/family`, family).expect(200);
    expect(mine.body).toMatchObject({
      trajectoryId: id,
      status: 'DRAFTING',
      results: [],
      yourActions: ['chooseLeadProvider'],
    });
    // The choice is among the region's contracted providers for youth care, never one without a contract.
    const options = mine.body.leadProviderOptions.map((p: { providerId: string }) => p.providerId);
    expect(options).toEqual(expect.arrayContaining([provider, 'PRV-HORIZON']));
    expect(options).not.toContain('PRV-KOMPAS');
    // The professionals' records are theirs: the full state, the audit trail, the register's internals.
    await get(`/trajectories/${id}/state`, family).expect(403);
    await get(`/trajectories/${id}/audit`, family).expect(403);
    await get('/providers', family).expect(403);
    for (const stranger of [otherFamily, sameClientElsewhere]) {
      await get(`/trajectories/${id}`, stranger).expect(404);
      await get(`/trajectories/${id}/satisfaction`, stranger).expect(404);
      await get(`/trajectories/${id}/family`, stranger).expect(404);
      await post(`/trajectories/${id}/plan/sign`, stranger, { planVersion: 1, party: 'CLIENT' }).expect(404);
      const theirs = await get('/trajectories', stranger).expect(200);
      expect(JSON.stringify(theirs.body)).not.toContain(id);
    }
  });

  it('a resident’s token is a resident’s only: no client id, a second role or no municipality is 401', async () => {
    const { mintDevToken } = await import('@app/platform');
    const { loadConfig } = await import('@app/config');
    const mint = (claims: object) =>
      `Bearer ${mintDevToken(loadConfig(), { sub: 'resident-x', roles: ['CLIENT'], ...claims })}`;
    await get('/trajectories', mint({ municipalities: [municipality] })).expect(401);
    await get('/trajectories', mint({ municipalities: [], clientId })).expect(401);
    // A client id is unique within one municipality only: a token naming two would widen the scope.
    await get('/trajectories', mint({ municipalities: [municipality, 'GM0363'], clientId })).expect(401);
    await get('/trajectories', mint({ municipalities: [municipality], clientId: '999990019' })).expect(401);
    await get(
      '/trajectories',
      mint({ roles: ['CLIENT', 'LOCAL_TEAM'], municipalities: [municipality], clientId }),
    ).expect(401);
  });

  it('chooses the lead provider itself among the contracted ones; staff still attest the family’s choice', async () => {
    const elsewhere = await post(`/trajectories/${id}/lead-provider`, family, {
      leadProviderId: 'PRV-KOMPAS',
    }).expect(422);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'leadProviderId' })]);
    const chosen = await post(`/trajectories/${id}/lead-provider`, family, {
      leadProviderId: provider,
    }).expect(200);
    expect(chosen.body.leadProviderId).toBe(provider);
    const unattested = await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: provider,
    }).expect(422);
    expect(unattested.body.errors.map((e: { field: string }) => e.field)).toContain('chosenByFamily');
    const audit = await get(`/trajectories/${id}/audit`, localTeam).expect(200);
    const choice = audit.body.find((a: { type: string }) => a.type === 'LEAD_PROVIDER_CHOSEN');
    expect(choice.details.attestations).toEqual(['CHOSEN_BY_FAMILY_ITSELF']);
    // The resident acts under a pseudonym of its own, never the portal's subject.
    expect(choice.actorRef).toMatch(/^resident-[0-9a-f]{16}$/);
    expect(JSON.stringify(audit.body)).not.toContain(`resident-${clientId}`);
  });

  it('signs the plan as the client, never as someone else, and cannot approve, pay or start', async () => {
    const { leadProviderChosenByFamily: _attested, ...base } = planSubmission(provider);
    const plan = { ...base, requiredSignatures: ['CLIENT', 'LEGAL_REPRESENTATIVE', 'LEAD_PROVIDER'] };
    await post(`/trajectories/${id}/plan/submit`, providerUser, plan).expect(200);
    await post(`/trajectories/${id}/plan/submit`, family, plan).expect(403);
    const asProvider = await post(`/trajectories/${id}/plan/sign`, family, {
      planVersion: 1,
      party: 'LEAD_PROVIDER',
    }).expect(422);
    expect(asProvider.body.errors.map((e: { field: string }) => e.field)).toContain('actor.role');
    const signed = await post(`/trajectories/${id}/plan/sign`, family, {
      planVersion: 1,
      party: 'CLIENT',
    }).expect(200);
    expect(signed.body.missingSignatures).toEqual(['LEGAL_REPRESENTATIVE', 'LEAD_PROVIDER']);
    // One person gives one family signature; the parent signs in with their own account.
    const twice = await post(`/trajectories/${id}/plan/sign`, family, {
      planVersion: 1,
      party: 'LEGAL_REPRESENTATIVE',
    }).expect(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'party' })]);
    const parent = clientBearer(municipality, clientId, 'portal-parent-of-the-client');
    const both = await post(`/trajectories/${id}/plan/sign`, parent, {
      planVersion: 1,
      party: 'LEGAL_REPRESENTATIVE',
    }).expect(200);
    expect(both.body.missingSignatures).toEqual(['LEAD_PROVIDER']);
    const audit = await get(`/trajectories/${id}/audit`, localTeam).expect(200);
    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'PLAN_SIGNED', actorRole: 'CLIENT', details: { party: 'CLIENT' } }),
      ]),
    );
    await post(`/trajectories/${id}/plan/approve`, family, { planVersion: 1 }).expect(403);
    await post(`/trajectories/${id}/start`, family).expect(403);
    await get(`/trajectories/${id}/payments`, family).expect(403);
    await get('/payments', family).expect(403);
    await get('/events', family).expect(403);
    await get('/monitoring/indicators', family).expect(403);
  });

  it('answers after an evaluation: once, final, per result of the plan; the provider does not read them', async () => {
    await post(`/trajectories/${id}/plan/sign`, providerUser, {
      planVersion: 1,
      party: 'LEAD_PROVIDER',
    }).expect(200);
    await post(`/trajectories/${id}/plan/approve`, localTeam, { planVersion: 1 }).expect(200);
    await post(`/trajectories/${id}/start`, providerUser).expect(200);
    await get(`/trajectories/${id}/satisfaction`, family)
      .expect(200)
      .expect((res) => expect(res.body.occasions).toEqual([]));
    await put(`/trajectories/${id}/satisfaction/evaluation-1`, family, {
      answers: [{ resultId: 'r1', answer: 'POSITIVE' }],
    }).expect(404);

    await post(`/trajectories/${id}/evaluations`, localTeam, { evaluation: evaluation('CONTINUE') }).expect(
      200,
    );
    const asked = await eventually(async () => {
      const res = await get(`/trajectories/${id}/satisfaction`, family).expect(200);
      return res.body.occasions.length === 1 ? res.body.occasions[0] : undefined;
    });
    expect(asked).toMatchObject({ id: 'evaluation-1', kind: 'EVALUATION', open: true, answers: [] });

    const answers = [
      { resultId: 'r1', answer: 'POSITIVE' },
      { resultId: 'r2', answer: 'NEGATIVE' },
    ];
    const path = `/trajectories/${id}/satisfaction/evaluation-1`;
    const bad = await put(path, family, { answers: [{ resultId: 'r9', answer: 'POSITIVE' }] }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'answers.0.resultId' })]);
    const unknown = await put(path, family, { answers: [{ resultId: 'r1', answer: 'MAYBE' }] }).expect(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('answer');
    await put(path, localTeam, { answers }).expect(403);
    await put(path, providerUser, { answers }).expect(403);

    const recorded = await put(path, family, { answers }).expect(201);
    expect(recorded.body).toMatchObject({ id: 'evaluation-1', open: false, answeredAt: expect.any(String) });
    await put(path, family, { answers: [...answers].reverse() }).expect(200);
    const changed = await put(path, family, { answers: [{ resultId: 'r1', answer: 'NEGATIVE' }] }).expect(
      409,
    );
    expect(changed.body).toMatchObject({ code: 'ALREADY_ANSWERED', allowedActions: [] });

    const seen = await get(`/trajectories/${id}/satisfaction`, localTeam).expect(200);
    expect(seen.body.occasions[0].answers).toEqual(answers);
    await get(`/trajectories/${id}/satisfaction`, providerUser).expect(403);
  });

  it('answers at closure after the workflow ended; K-O3 counts the family apart from the professional', async () => {
    await post(`/trajectories/${id}/completion`, localTeam, {
      finalEvaluation: evaluation('COMPLETE'),
    }).expect(200);
    const closure = await eventually(async () => {
      const res = await get(`/trajectories/${id}/satisfaction`, family).expect(200);
      return res.body.occasions.find((o: { id: string }) => o.id === 'closure');
    });
    // The final evaluation asks once, at closure: two occasions in all.
    expect((await get(`/trajectories/${id}/satisfaction`, family)).body.occasions).toHaveLength(2);
    expect(closure).toMatchObject({ kind: 'CLOSURE', open: true });
    await put(`/trajectories/${id}/satisfaction/closure`, family, {
      answers: [{ resultId: 'r1', answer: 'POSITIVE' }],
    }).expect(201);

    const figures = await get(
      `/monitoring/indicators?municipality=${municipality}&provider=${provider}`,
      localTeam,
    ).expect(200);
    const mine = figures.body.familySatisfaction.byProvider.find(
      (p: { providerId: string }) => p.providerId === provider,
    );
    // Every trajectory of this provider is this suite's: 2 asked, 2 answered, 2 of 3 answers positive.
    expect(mine).toMatchObject({ asked: 2, answered: 2, open: 0, responseRate: 1, answers: 3, positive: 2 });
    expect(mine.satisfaction).toBeCloseTo(0.6667, 4);
    // The provider being judged reads no figure of fewer than five answered questions.
    const judged = await get(`/monitoring/indicators?provider=${provider}`, providerUser).expect(200);
    expect(judged.body.familySatisfaction.overall).toMatchObject({
      answered: 2,
      satisfaction: null,
      answers: null,
      suppressed: true,
    });
    // The professional's tick at the final evaluation stays its own figure (NEGATIVE: 0 of 1).
    const professional = figures.body.outcomes.byProvider.find(
      (p: { providerId: string }) => p.providerId === provider,
    );
    expect(professional).toMatchObject({ satisfactionRespondents: 1, satisfactionPositive: 0 });
  });
});

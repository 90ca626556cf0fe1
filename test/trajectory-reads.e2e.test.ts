import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { bearer } from './support/auth';
import { planSubmission } from './support/plan-submission';
import { bootStack, openDataSource, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * Issue 20: `GET /trajectories/:id` (and `/state`) answered from the read model, the state each bookkeeping
 * write leaves in `trajectory_state`, instead of a workflow query; `?consistency=live` asks the workflow.
 */
describe('reading one trajectory from the read model', () => {
  let stack: RunningStack;
  let http: App;
  let db: DataSource;
  const municipality = 'GM0405';
  const provider = 'PRV-HORIZON';
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-reads');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-reads');
  const providerUser = bearer(['PROVIDER'], [], provider, 'prv-reads');
  const caseReference = uniqueRef('READS');
  const id = `trajectory-${municipality}-${caseReference}`;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('reads'));
    http = stack.api.getHttpServer();
    db = await openDataSource();
  });
  let workerStopped = false;
  afterAll(async () => {
    await stack?.api.close();
    if (!workerStopped) await stack?.worker.close();
    await db?.destroy();
  });

  const post = (path: string, token: string, body: object = {}) =>
    request(http).post(path).set('Authorization', token).send(body);
  const get = (path: string, query: Record<string, string> = {}) =>
    request(http).get(path).query(query).set('Authorization', localTeam);

  it("shows a command's result at once, equal to the workflow's own answer", async () => {
    await post('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId: 'c-reads-1',
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    }).expect(201);
    await post(`/trajectories/${id}/drafting`, localTeam).expect(200);
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: provider,
      chosenByFamily: true,
    }).expect(200);
    const answered = await post(
      `/trajectories/${id}/plan/submit`,
      providerUser,
      planSubmission(provider),
    ).expect(200);

    // Read right after the command's answer: the bookkeeping write of the same workflow task holds it.
    const [stored] = await db.query(`SELECT seq, state FROM trajectory_state WHERE trajectory_id = $1`, [id]);
    expect(stored.state.status).toBe('AWAITING_APPROVAL');
    const fromReadModel = (await get(`/trajectories/${id}`).expect(200)).body;
    const live = (await get(`/trajectories/${id}`, { consistency: 'live' }).expect(200)).body;
    expect(fromReadModel).toEqual(live);
    expect(fromReadModel).toMatchObject({
      status: 'AWAITING_APPROVAL',
      planVersion: answered.body.planVersion,
    });
    expect((await get(`/trajectories/${id}/state`).expect(200)).body).toEqual(
      (await get(`/trajectories/${id}/state`, { consistency: 'live' }).expect(200)).body,
    );
  });

  it('answers without the workflow: the worker stopped, the read model still answers', async () => {
    await stack.worker.close();
    workerStopped = true;
    const view = (await get(`/trajectories/${id}`).expect(200)).body;
    expect(view.status).toBe('AWAITING_APPROVAL');
    expect(view.missingSignatures).toEqual(['CLIENT', 'LEAD_PROVIDER']);
  });

  it('asks the workflow where the read model has no state (a write from a worker older than it)', async () => {
    await db.query(`DELETE FROM trajectory_state WHERE trajectory_id = $1`, [id]);
    // No worker runs now, so the query cannot be answered: the API says so (503), it does not make one up.
    const res = await get(`/trajectories/${id}`);
    expect(res.status).toBe(503);
  }, 60_000);

  it('refuses an unknown consistency with the field named', async () => {
    const res = await get(`/trajectories/${id}`, { consistency: 'eventually' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('consistency');
  });
});

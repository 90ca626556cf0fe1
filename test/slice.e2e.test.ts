import request from 'supertest';
import type { App } from 'supertest/types';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { bearer } from './support/auth';
import {
  bootStack,
  eventually,
  openDataSource,
  RunningStack,
  temporalClient,
  uniqueRef,
  uniqueTaskQueue,
} from './support/stack';

/**
 * The foundation's vertical slice, against the real Temporal dev server and PostgreSQL:
 * HTTP → NestJS API → Temporal workflow → activity → PostgreSQL, and back through a query.
 */
describe('vertical slice: start, idempotent restart, query, audit row', () => {
  let stack: RunningStack;
  let http: App;
  let db: DataSource;
  let temporal: { client: Client; connection: Connection };
  const caseReference = uniqueRef('CASE');
  const body = {
    municipalityCode: 'GM0405',
    caseReference,
    clientId: 'c-7f3a9b',
    domain: 'JEUGD',
    segment: 'B',
    complexity: 'LOW',
    requestType: 'SUPPORT',
  };
  const trajectoryId = `trajectory-GM0405-${caseReference}`;
  const caseSystem = bearer(['CASE_SYSTEM'], ['GM0405']);

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('slice'));
    http = stack.api.getHttpServer();
    db = await openDataSource();
    temporal = await temporalClient();
  });

  afterAll(async () => {
    await stack?.close();
    await db?.destroy();
    await temporal?.connection.close();
  });

  it('starts a trajectory workflow with the business workflow id', async () => {
    const res = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({ trajectoryId, created: true });
    const description = await temporal.client.workflow.getHandle(trajectoryId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('trajectoryWorkflow');
  });

  it('returns the same trajectory for an identical second call, without a second workflow', async () => {
    const first = await temporal.client.workflow.getHandle(trajectoryId).describe();
    const res = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send(body)
      .expect(200);
    expect(res.body).toEqual({ trajectoryId, runId: first.runId, created: false });
    const runs = [];
    for await (const wf of temporal.client.workflow.list({ query: `WorkflowId = '${trajectoryId}'` }))
      runs.push(wf);
    expect(runs).toHaveLength(1);
  });

  it('answers the live state through the API from a workflow query', async () => {
    const res = await request(http)
      .get(`/trajectories/${trajectoryId}`)
      .set('Authorization', caseSystem)
      .expect(200);
    expect(res.body).toMatchObject({ trajectoryId, status: 'INTAKE' });
    expect(res.body.allowedActions).toEqual(expect.arrayContaining(['beginDrafting', 'withdraw']));
  });

  it('has an activity write the audit event and the read-model row to PostgreSQL', async () => {
    const audit = await eventually(async () => {
      const rows = await db.query(`SELECT type, actor_role, seq FROM audit_event WHERE trajectory_id = $1`, [
        trajectoryId,
      ]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(audit).toEqual([{ type: 'TRAJECTORY_STARTED', actor_role: 'CASE_SYSTEM', seq: 1 }]);
    const [row] = await db.query(
      `SELECT status, municipality_code, client_id FROM trajectory WHERE trajectory_id = $1`,
      [trajectoryId],
    );
    expect(row).toEqual({ status: 'INTAKE', municipality_code: 'GM0405', client_id: 'c-7f3a9b' });
  });

  it('reports the database and Temporal as up on /health', async () => {
    const res = await request(http).get('/health').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('rejects invalid input with 400 and field errors, and unknown ids with 404', async () => {
    const bad = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send({ ...body, domain: 'ZORG', clientId: undefined, bsn: 'on-file' })
      .expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['domain', 'clientId', 'bsn']));
    // A BSN-shaped value is refused at the door, before validation, naming only where it was.
    const bsn = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send({ ...body, bsn: '123456782' })
      .expect(400);
    expect(bsn.body.errors).toEqual([expect.objectContaining({ field: 'bsn' })]);
    await request(http)
      .get('/trajectories/trajectory-GM0405-NOPE')
      .set('Authorization', caseSystem)
      .expect(404);
  });

  it('refuses missing credentials (401), a wrong role (403), and hides other municipalities (404)', async () => {
    const noAuth = await request(http).get(`/trajectories/${trajectoryId}`).expect(401);
    expect(noAuth.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(noAuth.body.requestId).toEqual(noAuth.headers['x-request-id']);
    await request(http)
      .post('/trajectories')
      .set('Authorization', bearer(['FINANCE'], ['GM0405']))
      .send(body)
      .expect(403);
    await request(http)
      .get(`/trajectories/${trajectoryId}`)
      .set('Authorization', bearer(['LOCAL_TEAM'], ['GM0420']))
      .expect(404);
  });
});

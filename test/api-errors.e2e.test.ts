import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module';
import { IdempotencyRetention } from '../apps/api/src/common/idempotency-retention';
import { setupApp } from '../apps/api/src/setup-app';
import { bearer } from './support/auth';
import { bootStack, eventually, freePort, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';
import { TcpProxy } from './support/tcp-proxy';

/** A new trajectory in GM0405 with a unique case reference. */
function startBody(prefix: string) {
  return {
    municipalityCode: 'GM0405',
    caseReference: uniqueRef(prefix),
    clientId: `c-${prefix.toLowerCase()}-1`,
    domain: 'WMO',
    segment: 'B',
    complexity: 'LOW',
    requestType: 'SUPPORT',
  };
}

/** A second API in this process, configured with `env` (left set: the caller restores it afterwards). */
async function bootApiWith(env: Record<string, string>): Promise<INestApplication> {
  Object.assign(process.env, env);
  const app = await NestFactory.create(AppModule, { logger: false });
  setupApp(app);
  await app.init();
  return app;
}

/** Every error code of the API, with the one documented body shape and a request id. */
describe('API errors: one body shape, honest codes', () => {
  let stack: RunningStack;
  let http: App;
  const localTeam = bearer(['LOCAL_TEAM'], ['GM0405']);
  const caseSystem = bearer(['CASE_SYSTEM'], ['GM0405']);
  let id: string;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('errors'));
    http = stack.api.getHttpServer();
    id = (
      await request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .send(startBody('ERR'))
        .expect(201)
    ).body.trajectoryId;
  });
  afterAll(() => stack?.close());

  function expectShape(body: Record<string, unknown>, statusCode: number, code: string): void {
    expect(body).toMatchObject({ statusCode, code });
    expect(typeof body.message).toBe('string');
    expect(typeof body.requestId).toBe('string');
    expect(JSON.stringify(body)).not.toMatch(/stack|node_modules|at Object/);
  }

  it('400: malformed JSON, unknown fields and wrong types, with field errors', async () => {
    const malformed = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .set('Content-Type', 'application/json')
      .send('{"municipalityCode": ')
      .expect(400);
    expectShape(malformed.body, 400, 'VALIDATION_FAILED');
    const bad = await request(http)
      .post(`/trajectories/${id}/plan/sign`)
      .set('Authorization', caseSystem)
      .send({ planVersion: 'one', party: 'NEIGHBOUR', name: 'Jan Jansen' })
      .expect(400);
    expectShape(bad.body, 400, 'VALIDATION_FAILED');
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['planVersion', 'party', 'name']));
    const badKey = await request(http)
      .post(`/trajectories/${id}/drafting`)
      .set('Authorization', localTeam)
      .set('Idempotency-Key', 'x')
      .expect(400);
    expect(badKey.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('401 without credentials and 403 for a role that may not act', async () => {
    expectShape((await request(http).get(`/trajectories/${id}`).expect(401)).body, 401, 'UNAUTHENTICATED');
    const forbidden = await request(http)
      .post(`/trajectories/${id}/plan/approve`)
      .set('Authorization', caseSystem)
      .send({ planVersion: 1 })
      .expect(403);
    expectShape(forbidden.body, 403, 'FORBIDDEN');
  });

  it('404 for an unknown trajectory, looking exactly like one of another municipality', async () => {
    const unknown = await request(http)
      .get('/trajectories/trajectory-GM0405-NOPE')
      .set('Authorization', localTeam);
    const hidden = await request(http)
      .get(`/trajectories/${id}`)
      .set('Authorization', bearer(['LOCAL_TEAM'], ['GM0420']));
    expect([unknown.status, hidden.status]).toEqual([404, 404]);
    expectShape(unknown.body, 404, 'NOT_FOUND');
    expectShape(hidden.body, 404, 'NOT_FOUND');
  });

  it('409 for a transition the state forbids, with the current state and the allowed actions', async () => {
    const res = await request(http)
      .post(`/trajectories/${id}/plan/approve`)
      .set('Authorization', localTeam)
      .send({ planVersion: 1 })
      .expect(409);
    expectShape(res.body, 409, 'INVALID_TRANSITION');
    expect(res.body.currentStatus).toBe('INTAKE');
    expect(res.body.allowedActions).toEqual(expect.arrayContaining(['beginDrafting', 'withdraw']));
  });

  it('422 for a domain rule violation, with the rule in the field errors', async () => {
    await request(http).post(`/trajectories/${id}/drafting`).set('Authorization', localTeam).expect(200);
    const res = await request(http)
      .post(`/trajectories/${id}/plan-exemption`)
      .set('Authorization', localTeam)
      .send({ reasonCode: 'NOT_AN_EXEMPT_TYPE' })
      .expect((r) => expect([409, 422]).toContain(r.status));
    expect(['DOMAIN_RULE_VIOLATION', 'INVALID_TRANSITION']).toContain(res.body.code);
    const arrangement = await request(http)
      .post(`/trajectories/${id}/plan/submit`)
      .set('Authorization', localTeam)
      .send({
        results: [{ id: 'r1', lifeDomain: 'HOME', smart: true }],
        profileCode: 'W-ZRH',
        intensityCode: 'MIDDEN',
        arrangementCode: 'NO-SUCH-ARRANGEMENT',
        leadProviderId: 'PRV-A',
        leadProviderChosenByFamily: true,
        subcontractorIds: [],
        requiredSignatures: ['CLIENT', 'LEAD_PROVIDER'],
      })
      .expect(422);
    expectShape(arrangement.body, 422, 'DOMAIN_RULE_VIOLATION');
    expect(arrangement.body.errors[0].field).toBe('arrangementCode');
  });

  it('an Idempotency-Key makes a repeated command act once and answer the same', async () => {
    const key = uniqueRef('idem-key');
    const first = await request(http)
      .post(`/trajectories/${id}/withdraw`)
      .set('Authorization', localTeam)
      .set('Idempotency-Key', key)
      .send({ reasonCode: 'CLIENT_WITHDREW' })
      .expect(200);
    const again = await request(http)
      .post(`/trajectories/${id}/withdraw`)
      .set('Authorization', localTeam)
      .set('Idempotency-Key', key)
      .send({ reasonCode: 'CLIENT_WITHDREW' })
      .expect(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.status).toBe('CLOSED');
  });

  it('an Idempotency-Key on start replays the first response, and refuses reuse for another request', async () => {
    const key = uniqueRef('start-key');
    const body = { ...startBody('IDEM'), domain: 'JEUGD' };
    const send = (b: object) =>
      request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .set('Idempotency-Key', key)
        .send(b);
    const first = await send(body).expect(201);
    const replay = await send(body).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(first.body.created).toBe(true);
    const reused = await send({ ...body, caseReference: uniqueRef('OTHER') }).expect(422);
    expectShape(reused.body, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('Idempotency-Keys are forgotten after the retention window, younger ones kept', async () => {
    const startWith = (key: string) =>
      request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .set('Idempotency-Key', key)
        .send(startBody('RETAIN'))
        .expect(201);
    const [oldKey, youngKey] = [uniqueRef('old-key'), uniqueRef('young-key')];
    await startWith(oldKey);
    await startWith(youngKey);
    const db = stack.api.get(DataSource);
    // 25 h: one hour past the default retention of IDEMPOTENCY_RETENTION_HOURS=24.
    await db.query(
      `UPDATE api_idempotency SET created_at = now() - interval '25 hours' WHERE idempotency_key = $1`,
      [oldKey],
    );
    expect(await stack.api.get(IdempotencyRetention).purge()).toBeGreaterThanOrEqual(1);
    const left: { idempotency_key: string }[] = await db.query(
      `SELECT idempotency_key FROM api_idempotency WHERE idempotency_key = ANY($1)`,
      [[oldKey, youngKey]],
    );
    expect(left.map((r) => r.idempotency_key)).toEqual([youngKey]);
  });

  describe('503 when Temporal is down', () => {
    let down: INestApplication;
    const saved = process.env.TEMPORAL_ADDRESS;
    beforeAll(async () => {
      down = await bootApiWith({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    });
    afterAll(async () => {
      process.env.TEMPORAL_ADDRESS = saved;
      await down?.close();
    });

    it('answers 503 with the error body, and readiness reports Temporal down', async () => {
      // A live read asks the workflow: Temporal is needed (issue 20).
      const res = await request(down.getHttpServer())
        .get(`/trajectories/${id}/state`)
        .query({ consistency: 'live' })
        .set('Authorization', localTeam);
      expect(res.status).toBe(503);
      expectShape(res.body, 503, 'SERVICE_UNAVAILABLE');
      const health = await request(down.getHttpServer()).get('/health').expect(503);
      expect(health.body.details.temporal.status).toBe('down');
      expect(health.body.details.database.status).toBe('up');
    });

    it('still answers reads from the read model while Temporal is down (issue 20)', async () => {
      const res = await request(down.getHttpServer())
        .get(`/trajectories/${id}/state`)
        .set('Authorization', localTeam)
        .expect(200);
      expect(res.body.trajectoryId).toBe(id);
    });
  });

  describe('503 when PostgreSQL goes away, and back to work when it returns', () => {
    let app: INestApplication;
    let proxy: TcpProxy;
    const saved = process.env.DATABASE_URL;
    beforeAll(async () => {
      // The API reaches the suite's real PostgreSQL through a relay that the test can cut.
      const url = new URL(saved!);
      proxy = await TcpProxy.start(url.hostname, Number(url.port || 5432));
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      app = await bootApiWith({ DATABASE_URL: url.toString() });
    });
    afterAll(async () => {
      process.env.DATABASE_URL = saved;
      await app?.close();
      await proxy?.close();
    });

    it('answers 503 with the error body while the database is unreachable, and 200 again after', async () => {
      const list = () =>
        request(app.getHttpServer())
          .get('/trajectories')
          .query({ municipality: 'GM0405', limit: 1 })
          .set('Authorization', localTeam);
      await list().expect(200);

      proxy.cut();
      const res = await list();
      expect(res.status).toBe(503);
      expectShape(res.body, 503, 'SERVICE_UNAVAILABLE');
      const health = await request(app.getHttpServer()).get('/health').expect(503);
      expect(health.body.details.database.status).toBe('down');

      proxy.restore();
      await eventually(async () => ((await list()).status === 200 ? true : undefined));
    });
  });
});

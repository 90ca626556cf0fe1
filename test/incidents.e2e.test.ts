import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import type { DataSource } from 'typeorm';
import { getIncidentQuery, SA_INCIDENT } from '@app/contracts';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { start } from '../libs/domain/testing/trajectory-fixtures';
import { bearer } from './support/auth';
import {
  bootStack,
  eventually,
  freePort,
  openDataSource,
  RunningStack,
  temporalClient,
  uniqueRef,
  uniqueTaskQueue,
} from './support/stack';
import { TcpProxy } from './support/tcp-proxy';
import { TrajectoryDriver } from './support/trajectory-driver';

/**
 * No poison pills (issue 15): a bookkeeping write the database refuses on its data opens an incident instead
 * of retrying for ever; the trajectory keeps answering; an operator retries after the cause is fixed. An
 * outage is not an incident: its writes keep retrying and land when the database is back.
 */
describe('incidents: a step refused on its data waits for an operator, an outage retries', () => {
  let stack: RunningStack;
  let http: App;
  let db: DataSource;
  const caseSystem = bearer(['CASE_SYSTEM'], ['GM0405']);
  const operator = bearer(['OPERATOR'], []);
  const localTeam = bearer(['LOCAL_TEAM'], ['GM0405']);
  // A constraint of this test's own: stands for any refusal on data (a value too long, a foreign key).
  const constraint = `incident_test_${process.pid}`;
  const marker = `POISON${process.pid}`;

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('incidents'));
    http = stack.api.getHttpServer();
    db = await openDataSource();
  });
  afterAll(async () => {
    await db?.query(`ALTER TABLE trajectory DROP CONSTRAINT IF EXISTS ${constraint}`);
    await db?.destroy();
    await stack?.close();
  });

  const readModelRow = async (id: string) =>
    (await db.query('SELECT status FROM trajectory WHERE trajectory_id = $1', [id]))[0] as
      { status: string } | undefined;

  it('opens an incident, keeps answering, and finishes the step when an operator retries after the fix', async () => {
    await db.query(
      `ALTER TABLE trajectory ADD CONSTRAINT ${constraint} CHECK (case_reference NOT LIKE '${marker}%') NOT VALID`,
    );
    const caseReference = uniqueRef(marker);
    const created = await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send({
        municipalityCode: 'GM0405',
        caseReference,
        clientId: 'c-incident-1',
        domain: 'WMO',
        segment: 'B',
        complexity: 'LOW',
        requestType: 'SUPPORT',
      })
      .expect(201);
    const id: string = created.body.trajectoryId;

    // The incident is listed for operators, with the step and a message that names no value.
    const entry = await eventually(async () => {
      const res = await request(http).get('/worklists/incidents').set('Authorization', operator).expect(200);
      return (
        res.body as Array<{ workflowId: string; incident: { step: string; message: string } | null }>
      ).find((e) => e.workflowId === id && e.incident !== null);
    }, 30000);
    expect(entry.incident).toMatchObject({
      step: 'recordTransition',
      failureType: 'DATA_REJECTED',
      retries: 0,
    });
    expect(entry.incident!.message).toMatch(/SQLSTATE 23514/);
    expect(entry.incident!.message).not.toContain(caseReference);
    const { client, connection } = await temporalClient();
    try {
      const description = await client.workflow.getHandle(id).describe();
      expect(description.typedSearchAttributes.get(SA_INCIDENT)).toBe(true);
    } finally {
      await connection.close();
    }
    // Only operators see or act on incidents.
    await request(http).get('/worklists/incidents').set('Authorization', localTeam).expect(403);
    await request(http)
      .post(`/trajectories/${id}/incident/retry`)
      .set('Authorization', localTeam)
      .expect(403);

    // The trajectory keeps answering queries and commands; the read model waits for the failed write.
    const live = await request(http).get(`/trajectories/${id}`).set('Authorization', localTeam).expect(200);
    expect(live.body.status).toBe('INTAKE');
    await request(http)
      .post(`/trajectories/${id}/drafting`)
      .set('Authorization', localTeam)
      .send({})
      .expect(200);
    expect(await readModelRow(id)).toBeUndefined();
    const metrics = await request(http).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/trajectory_open_incidents [1-9]/);

    // A retry before the fix fails again on the same data: still one incident, one retry counted.
    await request(http).post(`/trajectories/${id}/incident/retry`).set('Authorization', operator).expect(200);
    const again = await eventually(async () => {
      const res = await request(http).get('/worklists/incidents').set('Authorization', operator).expect(200);
      const found = (res.body as Array<{ workflowId: string; incident: { retries: number } | null }>).find(
        (e) => e.workflowId === id,
      );
      return found?.incident?.retries === 1 ? found : undefined;
    }, 30000);
    expect(again.incident).toMatchObject({ step: 'recordTransition' });

    // The cause is fixed; the operator retries; the queued steps follow in order.
    await db.query(`ALTER TABLE trajectory DROP CONSTRAINT ${constraint}`);
    await request(http).post(`/trajectories/${id}/incident/retry`).set('Authorization', operator).expect(200);
    const row = await eventually(async () => {
      const r = await readModelRow(id);
      return r?.status === 'DRAFTING' ? r : undefined;
    }, 30000);
    expect(row.status).toBe('DRAFTING');
    const cleared = await request(http)
      .get('/worklists/incidents')
      .set('Authorization', operator)
      .expect(200);
    expect((cleared.body as Array<{ workflowId: string }>).map((e) => e.workflowId)).not.toContain(id);

    // No incident open: the retry is a conflict, with the one error body.
    const conflict = await request(http)
      .post(`/trajectories/${id}/incident/retry`)
      .set('Authorization', operator)
      .expect(409);
    expect(conflict.body).toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });
  }, 120000);

  it('an outage is no incident: the write retries and lands when the database is back', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const proxy = await TcpProxy.start(url.hostname, Number(url.port || 5432));
    url.port = String(proxy.port);
    const taskQueue = uniqueTaskQueue('incidents-outage');
    const saved = { ...process.env };
    let worker: INestApplicationContext | undefined;
    const { client, connection } = await temporalClient();
    try {
      Object.assign(process.env, {
        DATABASE_URL: url.toString(),
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKER_HEALTH_PORT: String(await freePort()),
      });
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      await worker.init();
      proxy.cut();
      const id = uniqueRef('trajectory-GM0405-OUTAGE');
      const t = await TrajectoryDriver.start(
        client,
        taskQueue,
        start({ trajectoryId: id, caseReference: id }),
      );
      // Several retry rounds of the bookkeeping write pass: no incident, no row.
      await new Promise((r) => setTimeout(r, 4000));
      expect(await t.handle.query(getIncidentQuery)).toBeNull();
      expect(await readModelRow(id)).toBeUndefined();
      proxy.restore();
      const row = await eventually(() => readModelRow(id), 90000);
      expect(row.status).toBe('INTAKE');
      expect(await t.handle.query(getIncidentQuery)).toBeNull();
      await t.handle.terminate('test done');
    } finally {
      process.env = saved;
      proxy.restore();
      await worker?.close();
      await proxy.close();
      await connection.close();
    }
  }, 150000);
});

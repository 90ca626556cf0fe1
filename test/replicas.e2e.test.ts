import { Worker } from '@temporalio/worker';
import request from 'supertest';
import { LatencyRecorder } from '../bench/harness/latency';
import { ApiClient } from '../bench/platform/api-client';
import { runPlatformTrajectory } from '../bench/platform/driver';
import { MUNICIPALITY, startBody } from '../bench/platform/requests';
import { EVENT_CATALOGUE } from '@app/notify';
import { runMigrations } from '@app/persistence';
import { bearer } from './support/auth';
import { createOwnDatabase } from './support/database';
import { dataConverterOf } from './support/payload-codec';
import { eventually, freePort, temporalClient, uniqueRef, uniqueTaskQueue } from './support/stack';
import { feedOf } from './support/event-feed';
import { WebhookReceiver } from './support/webhook-receiver';
import { workflowBundlePath } from './support/workflow-bundle';
import {
  buildWorkflowBundle,
  startApiProcess,
  startWorkerProcess,
  stopAllWorkerProcesses,
  type AppProcess,
} from './support/worker-process';

/**
 * Issue 20: production runs several API and worker replicas behind one Temporal and one PostgreSQL. Two API
 * and two worker processes here, on whichever engine `npm test` started (its full-server pass runs this file on
 * the Temporal server with PostgreSQL persistence and SQL visibility): trajectories started on one API are
 * driven through the other, an Idempotency-Key answers the same on both, a rate limit is one limit over
 * both, every webhook is delivered exactly once and in order though both workers deliver, and the
 * histories the engine recorded replay against the current workflow code.
 */
jest.setTimeout(300_000);

/** Failed sign-ins per address per minute: the limit proven across replicas (the lifecycles never fail one). */
const FAILURE_LIMIT = 60;

const SETTINGS: Record<string, string> = {
  DELIVERY_POLL_MS: '200',
  WEBHOOK_RETRY_SCHEDULE: '200ms,400ms,800ms,1s,1s',
  RATE_LIMIT_AUTH_FAILURES: String(FAILURE_LIMIT),
};

describe('two API and two worker replicas on one Temporal and one PostgreSQL', () => {
  const taskQueue = uniqueTaskQueue('replicas');
  const caseSystem = bearer(['CASE_SYSTEM'], [MUNICIPALITY], undefined, 'case-system-replicas');
  const receiver = new WebhookReceiver('ok');
  let database: Awaited<ReturnType<typeof createOwnDatabase>> | undefined;
  const apis: AppProcess[] = [];
  const urls: string[] = [];
  const workerPids: number[] = [];
  const trajectoryIds: string[] = [];

  beforeAll(async () => {
    // A database of its own: the rate-limit windows and deliveries of the other files must not count here.
    database = await createOwnDatabase('replicas');
    await runMigrations(database.url);
    SETTINGS.DATABASE_URL = database.url;
    const bundle = await buildWorkflowBundle();
    const ports = [await freePort(), await freePort()];
    const started = await Promise.all([
      startWorkerProcess({ taskQueue, workflowBundlePath: bundle, env: SETTINGS }),
      startWorkerProcess({ taskQueue, workflowBundlePath: bundle, env: SETTINGS }),
      ...ports.map((port) => startApiProcess({ port, env: { ...SETTINGS, TEMPORAL_TASK_QUEUE: taskQueue } })),
    ]);
    workerPids.push(started[0].pid, started[1].pid);
    apis.push(started[2], started[3]);
    urls.push(...ports.map((port) => `http://127.0.0.1:${port}`));
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop(2_000)));
    await stopAllWorkerProcesses(2_000);
    await receiver.stop();
    await database?.drop();
  });

  it('drives trajectories started on one API through the other, and delivers each event once, in order', async () => {
    const url = await receiver.start();
    const sub = await request(urls[0])
      .post('/webhooks/subscriptions')
      .set('Authorization', caseSystem)
      .send({ url, eventTypes: EVENT_CATALOGUE.map((e) => e.type) })
      .expect(201);
    receiver.trust(sub.body.secret);

    // Every call goes to the other API than the one before: start on one, every next command on the other.
    const client = new ApiClient(urls, new LatencyRecorder(), { ...process.env, ...SETTINGS });
    const runTag = uniqueRef('REPLICAS');
    const contexts = await Promise.all(
      [0, 1, 2, 3, 7, 8].map((i) => runPlatformTrajectory(client, runTag, i, new LatencyRecorder())),
    );
    trajectoryIds.push(...contexts.map((c) => c.trajectoryId!));
    const ids = new Set(trajectoryIds);

    // Both APIs answer the same, whichever served the command.
    for (const id of ids) {
      const [a, b] = await Promise.all(
        urls.map((base) =>
          request(base).get(`/trajectories/${id}`).set('Authorization', caseSystem).expect(200),
        ),
      );
      expect(a.body.status).toBe('CLOSED');
      expect(b.body).toEqual(a.body);
    }

    const feed = await feedOf(urls[1], caseSystem, ids);
    expect(feed.length).toBeGreaterThan(120);
    const ours = () => receiver.received.filter((d) => ids.has(d.event.data.trajectoryId));
    await eventually(async () => (ours().length >= feed.length ? true : undefined), 60_000);
    // Exactly once with nothing killed: two dispatchers never take the same delivery (row leases).
    expect(ours().map((d) => d.event.id)).toHaveLength(new Set(ours().map((d) => d.event.id)).size);
    expect(
      ours()
        .map((d) => d.event.id)
        .sort(),
    ).toEqual(feed.map((e) => e.id).sort());
    for (const id of ids) {
      expect(
        ours()
          .filter((d) => d.event.data.trajectoryId === id)
          .map((d) => d.event.data.sequence),
      ).toEqual(feed.filter((e) => e.data.trajectoryId === id).map((e) => e.data.sequence));
    }
    expect(ours().every((d) => d.signatureValid)).toBe(true);
  });

  it('ran the trajectories on both workers, and their recorded histories replay on the current code', async () => {
    const { client, connection } = await temporalClient();
    try {
      const identities = new Set<string>();
      const histories: { workflowId: string; history: Awaited<ReturnType<typeof fetchHistory>> }[] = [];
      const fetchHistory = (workflowId: string, runId: string) =>
        client.workflow.getHandle(workflowId, runId).fetchHistory();
      for (const workflowId of trajectoryIds) {
        // Every run of the trajectory (it continues as new at evaluations), found through visibility.
        const runs: string[] = [];
        for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
          runs.push(run.runId);
        }
        expect(runs.length).toBeGreaterThanOrEqual(1);
        for (const runId of runs) {
          const history = await fetchHistory(workflowId, runId);
          histories.push({ workflowId, history });
          for (const event of history.events ?? []) {
            const identity =
              event.workflowTaskStartedEventAttributes?.identity ??
              event.activityTaskStartedEventAttributes?.identity;
            if (identity) identities.add(identity.split('@')[0]);
          }
        }
      }
      expect([...identities].sort()).toEqual(workerPids.map(String).sort());

      const replayed = Worker.runReplayHistories(
        {
          workflowBundle: { codePath: await workflowBundlePath() },
          replayName: 'replicas-histories',
          dataConverter: dataConverterOf(),
        },
        histories,
      );
      let count = 0;
      for await (const result of replayed) {
        expect(result.error).toBeUndefined();
        count++;
      }
      expect(count).toBe(histories.length);
    } finally {
      await connection.close();
    }
  });

  it('answers a repeated Idempotency-Key the same on either API, and starts one trajectory', async () => {
    const ctx = {
      index: 0,
      variant: 'standard',
      municipalityCode: MUNICIPALITY,
      caseReference: `REPLICA-IDEM-${uniqueRef('K')}`,
      planVersion: 1,
      signatures: 0,
      evaluations: 0,
    } as Parameters<typeof startBody>[0];
    const body = startBody(ctx);
    const key = uniqueRef('replica-key');
    const first = await request(urls[0])
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await request(urls[1])
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
    // The same key for another request is refused on the other API too.
    await request(urls[1])
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .set('Idempotency-Key', key)
      .send({ ...body, caseReference: `${ctx.caseReference}-OTHER` })
      .expect(422);
    // The trajectory the first answer names exists, once (its id follows from the case reference).
    const shown = await request(urls[1])
      .get(`/trajectories/${first.body.trajectoryId}`)
      .set('Authorization', caseSystem)
      .expect(200);
    expect(shown.body.trajectoryId).toBe(first.body.trajectoryId);
  });

  // Last: it leaves the test's address refused for the rest of the minute.
  it('holds one rate limit over both APIs together', async () => {
    // Not across a minute's turn: the limit counts per minute window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
    const answered: number[][] = [[], []];
    // Three times the limit of failed sign-ins from one address, in turn to each API, one every 20 ms.
    // Counted per API alone, each would answer 401 up to the limit (twice it in all); counted together, about
    // the limit in all, overshooting by at most what the other replica saw in its last flush interval (250 ms).
    for (let i = 0; i < 3 * FAILURE_LIMIT; i++) {
      const res = await request(urls[i % 2])
        .get('/regions')
        .set('Authorization', 'Bearer not-a-token');
      answered[i % 2].push(res.status);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answered.flat().every((s) => s === 401 || s === 429)).toBe(true);
    const failures = answered.flat().filter((s) => s === 401).length;
    expect(failures).toBeGreaterThanOrEqual(FAILURE_LIMIT);
    expect(failures).toBeLessThan(1.5 * FAILURE_LIMIT);
    // Both replicas refused once the shared count was reached.
    expect(answered[0]).toContain(429);
    expect(answered[1]).toContain(429);
  });
});

import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { eventually, freePort, migrateTestDatabase, requireEnv, uniqueTaskQueue } from './support/stack';
import { TcpProxy } from './support/tcp-proxy';

interface Health {
  status: number;
  body: {
    status: string;
    worker: string;
    database?: string;
    temporal?: string;
    details?: { temporal?: string };
  };
}

/**
 * The worker's health endpoint reports its own Temporal connection: the worker state stays RUNNING while
 * Temporal is unreachable (the SDK keeps retrying its polls), so readiness must ask the frontend itself.
 * The worker reaches the suite's real Temporal dev server through a relay the test cuts and restores.
 */
describe('worker /health while Temporal is unreachable', () => {
  const saved = { ...process.env };
  let proxy: TcpProxy;
  let worker: INestApplicationContext;
  let port: number;

  const health = async (path = '/health'): Promise<Health> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) });
    return { status: res.status, body: (await res.json()) as Health['body'] };
  };

  beforeAll(async () => {
    const [host, temporalPort] = requireEnv('TEMPORAL_ADDRESS').split(':');
    proxy = await TcpProxy.start(host, Number(temporalPort));
    port = await freePort();
    Object.assign(process.env, {
      TEMPORAL_ADDRESS: `127.0.0.1:${proxy.port}`,
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('worker-health'),
      WORKER_HEALTH_PORT: String(port),
    });
    await migrateTestDatabase();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    await worker.init();
  }, 120_000);

  afterAll(async () => {
    proxy?.restore();
    await worker?.close();
    await proxy?.close();
    process.env = saved;
  });

  it('answers 200 with every part up while the worker polls', async () => {
    const ready = await eventually(async () => {
      const res = await health();
      return res.status === 200 ? res : undefined;
    });
    expect(ready.body).toEqual({ status: 'ok', worker: 'RUNNING', database: 'up', temporal: 'up' });
  });

  it('answers 503 naming Temporal once the connection is cut, stays live, and recovers when it is back', async () => {
    proxy.cut();
    const down = await eventually(async () => {
      const res = await health();
      return res.status === 503 ? res : undefined;
    });
    expect(down.body).toMatchObject({ status: 'error', worker: 'RUNNING', database: 'up', temporal: 'down' });
    expect(down.body.details?.temporal).toEqual(expect.any(String));
    // Liveness: nothing a restart would fix.
    expect(await health('/health/live')).toEqual({ status: 200, body: { status: 'ok', worker: 'RUNNING' } });

    proxy.restore();
    const back = await eventually(async () => {
      const res = await health();
      return res.status === 200 ? res : undefined;
    }, 30_000);
    expect(back.body.temporal).toBe('up');
  }, 60_000);
});

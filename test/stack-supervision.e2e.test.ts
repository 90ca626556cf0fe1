import { lstatSync, readlinkSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { bearer } from './support/auth';
import { copyCheckout, type CheckoutCopy } from './support/checkout-copy';
import { freePort } from './support/stack';
import { isAlive, StackProcess, type StackPids } from './support/stack-process';
import { uniqueRef } from './support/unique-ref';

/** The api and worker processes of the stack, as `npm start` runs them, may take this long to become healthy. */
const START_TIMEOUT_MS = 150_000;

/** Where the test's own services are; the stack under test starts its own. */
const NOT_INHERITED = [
  'DATABASE_URL',
  'SMTP_URL',
  'PUBLIC_BASE_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_UI_URL',
  'WORKFLOW_BUNDLE_PATH',
  'HOST',
  'WORKER_HEALTH_HOST',
  'CRASH_AFTER_LEDGER_WRITE',
];

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * `npm start` (scripts/stack.mjs) from a copy of this checkout, on free ports and with its own data folder, so its
 * build and data never meet a developer's: a worker killed with SIGKILL takes nothing else down, the API keeps
 * answering reads, the supervisor starts a new worker, which carries the trajectory on to its end; then Ctrl-C
 * stops every process the stack started.
 */
describe('npm start: a crashed worker is restarted while the rest keeps running', () => {
  let copy: CheckoutCopy;
  let stack: StackProcess;
  let dataDir: string;
  let ports: Record<
    'api' | 'workerHealth' | 'postgres' | 'temporal' | 'temporalUi' | 'mail' | 'oidc',
    number
  >;
  let pidsBeforeStop: StackPids = {};
  const municipality = 'GM0405';
  const caseSystem = bearer(['CASE_SYSTEM'], [municipality], undefined, 'case-system-hoorn');
  const localTeam = bearer(['LOCAL_TEAM'], [municipality], undefined, 'lt-hoorn-07');
  const caseReference = uniqueRef('SUPERVISED');
  const id = `trajectory-${municipality}-${caseReference}`;

  const api = async (path: string, token: string, body?: object) => {
    const res = await fetch(`http://127.0.0.1:${ports.api}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: token, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
    } catch {
      return { status: res.status, body: { text } };
    }
  };
  const workerHealthy = () =>
    fetch(`http://127.0.0.1:${ports.workerHealth}/health`, { signal: AbortSignal.timeout(3_000) }).then(
      (res) => res.status === 200,
    );
  const listed = async () => {
    const res = await api(`/trajectories?municipality=${municipality}&limit=100`, localTeam);
    const items = (res.body.items ?? []) as { trajectoryId: string; status: string }[];
    return { status: res.status, row: items.find((item) => item.trajectoryId === id) };
  };
  const failWithOutput = (error: unknown): never => {
    throw new Error(`${(error as Error).message}\n--- stack output ---\n${stack?.output()}`);
  };

  beforeAll(async () => {
    copy = copyCheckout('stack-supervision');
    dataDir = join(copy.root, '.data-under-test');
    ports = {
      api: await freePort(),
      workerHealth: await freePort(),
      postgres: await freePort(),
      temporal: await freePort(),
      temporalUi: await freePort(),
      mail: await freePort(),
      oidc: await freePort(),
    };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(ports.api),
      WORKER_HEALTH_PORT: String(ports.workerHealth),
      LOCAL_PG_PORT: String(ports.postgres),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.temporalUi),
      MAIL_SINK_PORT: String(ports.mail),
      OIDC_PROVIDER_PORT: String(ports.oidc),
      STACK_DATA_DIR: dataDir,
    };
    for (const name of NOT_INHERITED) delete env[name];
    stack = StackProcess.start(copy.root, env, dataDir);
    await stack.waitForOutput(/Press Ctrl-C to stop everything/, START_TIMEOUT_MS).catch(failWithOutput);
  }, START_TIMEOUT_MS + 20_000);

  afterAll(async () => {
    if (stack?.running) await stack.interrupt(30_000);
    // Anything left (only after a failure above): no process of this test outlives it.
    for (const pid of Object.values(stack?.pids() ?? {}))
      if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    // As root, in this private folder, the cluster lived in /var/lib/… behind a link (postgres-data-dir.mjs).
    const link = dataDir && join(dataDir, 'postgres');
    if (link && lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) {
      rmSync(dirname(readlinkSync(link)), { recursive: true, force: true });
    }
    copy?.remove();
  }, 60_000);

  it('starts a trajectory through the API, and the worker runs it', async () => {
    const started = await api('/trajectories', caseSystem, {
      municipalityCode: municipality,
      caseReference,
      clientId: 'c-7f3a9b',
      domain: 'JEUGD',
      segment: 'B',
      complexity: 'LOW',
      requestType: 'SUPPORT',
    });
    expect(started).toMatchObject({ status: 201, body: { trajectoryId: id } });
    const view = await eventually(
      'the live view',
      async () => {
        const res = await api(`/trajectories/${id}`, localTeam);
        return res.status === 200 ? res.body : undefined;
      },
      30_000,
    );
    expect(view.status).toBe('INTAKE');
    await eventually('the read-model row', async () => (await listed()).row, 30_000);
  }, 60_000);

  it('keeps answering reads from the read model while the worker is down after SIGKILL', async () => {
    const worker = stack.pids().worker!;
    expect(isAlive(worker)).toBe(true);
    process.kill(worker, 'SIGKILL');
    await eventually('the worker to die', async () => (isAlive(worker) ? undefined : true), 10_000);
    expect(await portAnswers(ports.workerHealth)).toBe(false);

    expect(await listed()).toEqual({ status: 200, row: expect.objectContaining({ status: 'INTAKE' }) });
    expect((await api('/health', localTeam)).status).toBe(200);
    expect(stack.running).toBe(true);
    expect(
      isAlive(stack.pids().postgres!) && isAlive(stack.pids().temporal!) && isAlive(stack.pids().api!),
    ).toBe(true);
  }, 30_000);

  it('restarts the worker, which then carries the trajectory on to its end', async () => {
    const killed = stack.pids().worker;
    await eventually(
      'a new, healthy worker',
      async () => {
        const now = stack.pids().worker;
        return now !== undefined && now !== killed && (await workerHealthy()) ? now : undefined;
      },
      90_000,
    ).catch(failWithOutput);
    expect(stack.output()).toMatch(
      new RegExp(`worker \\(pid ${killed}\\) exited unexpectedly .*restart #1 in 1 s`),
    );

    expect(await api(`/trajectories/${id}/drafting`, localTeam, {})).toMatchObject({
      status: 200,
      body: { status: 'DRAFTING' },
    });
    expect(
      await api(`/trajectories/${id}/withdraw`, localTeam, { reasonCode: 'CLIENT_WITHDREW' }),
    ).toMatchObject({
      status: 200,
      body: { status: 'CLOSED' },
    });
    expect((await api(`/trajectories/${id}`, localTeam)).body.status).toBe('CLOSED');
    await eventually(
      'the read model to show the end',
      async () => ((await listed()).row?.status === 'CLOSED' ? true : undefined),
      20_000,
    );
  }, 120_000);

  it('stops every process it started on Ctrl-C (SIGINT), in reverse order', async () => {
    pidsBeforeStop = stack.pids();
    expect(Object.keys(pidsBeforeStop).sort()).toEqual([
      'api',
      'mail',
      'oidc',
      'postgres',
      'stack',
      'temporal',
      'worker',
    ]);
    const exit = await stack.interrupt();
    expect(exit).toEqual({ code: 0, signal: null });
    for (const [name, pid] of Object.entries(pidsBeforeStop))
      expect({ name, alive: isAlive(pid!) }).toEqual({ name, alive: false });
    for (const [name, port] of Object.entries(ports)) {
      expect({ name, answers: await portAnswers(port) }).toEqual({ name, answers: false });
    }
    const order = [
      'api stopped',
      'worker stopped',
      'mail stopped',
      'temporal stopped',
      'postgres stopped',
    ].map((line) => stack.output().indexOf(`[stack] ${line}`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(stack.pids()).toEqual({});
  }, 90_000);
});

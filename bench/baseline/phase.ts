import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { historyCensus } from '../harness/history-census';
import { onShutdown } from '../harness/lifetime';
import { phaseResult, temporalStorageAround, type PhaseResult } from '../harness/phase-result';
import { Progress } from '../harness/progress';
import { projectScripts, ROOT, type ManagedProcess } from '../harness/project-scripts';
import { ResourceMonitor } from '../harness/resource-monitor';
import type { BenchServices } from '../harness/services';
import { MUNICIPALITY } from '../platform/requests';
import { sampleIndexes } from '../trajectory-shape';
import type { ClientSettings, ClientToHarness } from './client-messages';

/** Child processes run the TypeScript sources directly, as the harness itself does. */
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

export interface BaselineOptions {
  n: number;
  concurrency: number;
  maxCachedWorkflows: number;
  /** The domain's minimum shape instead of the platform's (BareTrajectoryInput.minimal). */
  minimal?: boolean;
}

/**
 * The bare baseline against the benchmark's Temporal server: its own worker process and its own client
 * process on a task queue of their own, measured like the platform's worker and API.
 */
export async function runBaselinePhase(
  services: BenchServices,
  options: BaselineOptions,
): Promise<PhaseResult> {
  const scripts = await projectScripts();
  const runTag = `${Date.now().toString(36)}-${process.pid}`;
  const taskQueue = `bench-baseline-${runTag}`;
  const worker = await startBaselineWorker(services, taskQueue, options.maxCachedWorkflows);

  const settings: ClientSettings = {
    temporalAddress: services.temporal.address,
    taskQueue,
    n: options.n,
    concurrency: options.concurrency,
    runTag,
    minimal: options.minimal,
  };
  const client = fork(resolve(__dirname, 'client-main.ts'), [], {
    cwd: ROOT,
    execArgv: TS_NODE,
    env: { ...process.env, BENCH_CLIENT_SETTINGS: JSON.stringify(settings) },
  });
  onShutdown('baseline client', async () => void client.kill('SIGKILL'));
  const messages = clientMessages(client);
  await messages.next('ready');

  const monitor = new ResourceMonitor([
    ...services.temporalProcesses(),
    { role: 'worker', pid: worker.pid },
    { role: 'client', pid: client.pid! },
    { role: 'harness', pid: process.pid },
  ]);
  const phase = options.minimal ? 'minimal-baseline' : 'baseline';
  const progress = new Progress(phase, options.n);
  messages.onProgress = (m) => progress.update(m.completed, m.failed);
  const temporalStorage = await temporalStorageAround(services);
  monitor.beginPhase();
  client.send({ type: 'go' });
  const done = await messages.next('done');
  const resources = monitor.endPhase();
  progress.finish(done.outcome.completed, done.outcome.failed);

  await worker.stop(30_000);
  scripts.log('bench', 'baseline worker stopped');
  const census = await historyCensus(
    services.temporal.address,
    sampleIndexes(options.n).map(
      (i) => `${options.minimal ? 'minimal' : 'bare'}-${MUNICIPALITY}-BENCH-${runTag}-${i}`,
    ),
  ).catch((error: unknown) => [{ error: String(error) }]);
  return phaseResult({
    phase,
    n: options.n,
    concurrency: options.concurrency,
    outcome: done.outcome,
    wallMs: done.wallMs,
    latency: done.latency,
    resources,
    systemRoles: ['temporal', 'temporal-postgres', 'worker', 'client'],
    extra: {
      taskQueue,
      temporalBytes: await temporalStorage(),
      historyCensus: census,
    },
  });
}

async function startBaselineWorker(
  services: BenchServices,
  taskQueue: string,
  maxCachedWorkflows: number,
): Promise<ManagedProcess> {
  const scripts = await projectScripts();
  let ready = false;
  const worker = scripts.startProcess(
    'baseline-worker',
    process.execPath,
    [...TS_NODE, resolve(__dirname, 'worker-main.ts')],
    {
      cwd: ROOT,
      env: {
        TEMPORAL_ADDRESS: services.temporal.address,
        BENCH_TASK_QUEUE: taskQueue,
        BENCH_MAX_CACHED_WORKFLOWS: String(maxCachedWorkflows),
      },
      filter: (line) => {
        if (line.trim() !== 'READY') return true;
        ready = true;
        return false;
      },
    },
  );
  onShutdown('baseline worker', () => worker.stop(30_000));
  scripts.log('bench', 'starting the baseline worker (bundles the bare workflow)…');
  await Promise.race([
    scripts.waitFor('the baseline worker', () => ready, { timeoutMs: 120_000 }),
    worker.exited.then(({ code }) => {
      if (!ready) throw new Error(`the baseline worker exited with code ${code} before it was ready`);
    }),
  ]);
  return worker;
}

/** Awaitable messages from the client process; a crash of the client fails the wait instead of hanging. */
function clientMessages(child: ReturnType<typeof fork>) {
  const waiting = new Map<string, { resolve: (m: ClientToHarness) => void; reject: (e: Error) => void }>();
  const api = {
    onProgress: (_m: Extract<ClientToHarness, { type: 'progress' }>): void => undefined,
    next<T extends ClientToHarness['type']>(type: T): Promise<Extract<ClientToHarness, { type: T }>> {
      return new Promise((resolve, reject) =>
        waiting.set(type, { resolve: resolve as (m: ClientToHarness) => void, reject }),
      );
    },
  };
  child.on('message', (m: ClientToHarness) => {
    if (m.type === 'progress') api.onProgress(m);
    waiting.get(m.type)?.resolve(m);
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`the baseline client exited with code ${code}`));
  });
  return api;
}

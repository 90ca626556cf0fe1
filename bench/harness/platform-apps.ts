import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { onShutdown } from './lifetime';
import { projectScripts, ROOT, type ManagedProcess } from './project-scripts';
import type { BenchServices } from './services';

export interface PlatformApps {
  apiUrl: string;
  taskQueue: string;
  worker: ManagedProcess;
  api: ManagedProcess;
  /** The environment both apps run with (no secrets beyond the development JWT default). */
  settings: Record<string, string>;
}

/**
 * Builds the project with `npm run build` (nest build api + worker, the prebuilt workflow bundle), migrates the benchmark
 * database and starts the real worker and API as child processes against the benchmark's services, exactly
 * as the production images run them (`node dist/…/main.js`).
 */
export async function startPlatformApps(
  services: BenchServices,
  options: { maxCachedWorkflows: number },
): Promise<PlatformApps> {
  const scripts = await projectScripts();
  if (!services.postgres) throw new Error('the platform needs PostgreSQL: start BenchServices with postgres');

  scripts.log('bench', 'building (npm run build)…');
  scripts.run('npm', ['run', 'build', '--silent'], { cwd: ROOT });

  const apiPort = await scripts.freePort();
  const workerHealthPort = await scripts.freePort();
  const taskQueue = `bench-platform-${process.pid}`;
  const bundle = resolve(ROOT, 'dist', 'workflow-bundle.js');
  const settings: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: String(apiPort),
    WORKER_HEALTH_PORT: String(workerHealthPort),
    TEMPORAL_ADDRESS: services.temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKER_MAX_CACHED_WORKFLOWS: String(options.maxCachedWorkflows),
    // One load generator stands for many callers: the limiter still counts every request (its cost is in the
    // numbers) but never refuses one.
    RATE_LIMIT_PER_ADDRESS: '100000000',
    RATE_LIMIT_PER_CALLER: '100000000',
    // The production setting: no webpack run inside the measured worker.
    ...(existsSync(bundle) ? { WORKFLOW_BUNDLE_PATH: bundle } : {}),
  };
  const env: Record<string, string> = { ...settings, DATABASE_URL: services.postgres.url };
  // BENCH_CPU_PROF=<dir>: V8 CPU profiles of the worker and the API (written when they stop), nothing else.
  const profileDir = process.env.BENCH_CPU_PROF;

  scripts.log('bench', 'running migrations…');
  scripts.run(process.execPath, ['dist/scripts/migrate.js'], { cwd: ROOT, env: { ...process.env, ...env } });
  // (--cpu-prof is refused in NODE_OPTIONS, so it goes on the command line.)
  const node = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];

  const worker = scripts.startProcess('worker', process.execPath, [...node, 'dist/apps/worker/src/main.js'], {
    cwd: ROOT,
    env,
  });
  onShutdown('worker', () => worker.stop(30_000));
  await scripts.waitFor('the worker', () => httpOk(`http://127.0.0.1:${workerHealthPort}/health`), {
    timeoutMs: 120_000,
  });

  const api = scripts.startProcess('api', process.execPath, [...node, 'dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env,
  });
  onShutdown('api', () => api.stop(30_000));
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await scripts.waitFor('the API', () => httpOk(`${apiUrl}/health`), { timeoutMs: 120_000 });
  scripts.log('bench', `worker and API up (task queue ${taskQueue})`);
  return { apiUrl, taskQueue, worker, api, settings };
}

async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

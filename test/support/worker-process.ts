import { bundleWorkflows } from '@app/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, requireEnv } from './stack';

const ROOT = resolve(__dirname, '..', '..');

/** How a worker process ended: an exit code, or the signal that killed it. */
export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess extends AppProcess {
  readonly taskQueue: string;
}

export interface WorkerProcessOptions {
  taskQueue: string;
  /** Extra environment, e.g. CRASH_AFTER_LEDGER_WRITE; an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
  /** A prebuilt workflow bundle (WORKFLOW_BUNDLE_PATH), so the worker does not run webpack itself. */
  workflowBundlePath?: string;
  readyTimeoutMs?: number;
}

/** Every worker still alive, so that none outlives its test file (or a Jest process that dies early). */
const alive = new Map<ChildProcess, WorkerProcess['stop']>();
process.once('exit', () => {
  for (const child of alive.keys()) child.kill('SIGKILL');
});

/** Stops every worker process this module started that is still running, also those that never got healthy. */
export async function stopAllWorkerProcesses(graceMs?: number): Promise<void> {
  await Promise.all([...alive.values()].map((stop) => stop(graceMs)));
}

const MAX_OUTPUT_LINES = 200;

/**
 * Bundles workflows/ once (what `npm run build` does for production), so each worker started with it skips
 * its own webpack run. Returns the bundle's path for WorkerProcessOptions.workflowBundlePath.
 */
export async function buildWorkflowBundle(): Promise<string> {
  const code = await bundleWorkflows();
  const path = join(await mkdtemp(join(tmpdir(), 'workflow-bundle-')), 'workflow-bundle.js');
  await writeFile(path, code);
  return path;
}

/**
 * Starts the project's real worker app (apps/worker/src/main.ts, from the TypeScript sources) as a separate
 * OS process against the PostgreSQL and Temporal dev server of `npm test`, and waits until its health
 * endpoint answers 200 (worker RUNNING, database up). A separate process, because the crash test needs a
 * worker that can be SIGKILLed without taking Jest with it.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const healthPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: requireEnv('DATABASE_URL'),
    TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    WORKER_HEALTH_PORT: String(healthPort),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  };
  // Never inherit a crash marker: a worker crashes only when the test asks for it.
  delete env.CRASH_AFTER_LEDGER_WRITE;
  delete env.WORKFLOW_BUNDLE_PATH;
  if (options.workflowBundlePath) env.WORKFLOW_BUNDLE_PATH = options.workflowBundlePath;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const app = await startAppProcess({
    entry: 'apps/worker/src/main.ts',
    label: 'worker',
    env,
    healthUrl: `http://127.0.0.1:${healthPort}/health`,
    readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
  });
  return { ...app, taskQueue: options.taskQueue };
}

/** Options of an API process: its port and extra environment (an undefined value removes the variable). */
export interface ApiProcessOptions {
  port: number;
  env?: Record<string, string | undefined>;
  readyTimeoutMs?: number;
}

/**
 * Starts the project's real API app (apps/api/src/main.ts) as a separate OS process on 127.0.0.1:`port`,
 * against the services of `npm test`, and waits until `/health/live` answers. For tests that SIGKILL the API.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<AppProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: requireEnv('DATABASE_URL'),
    TEMPORAL_ADDRESS: requireEnv('TEMPORAL_ADDRESS'),
    HOST: '127.0.0.1',
    PORT: String(options.port),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return startAppProcess({
    entry: 'apps/api/src/main.ts',
    label: 'api',
    env,
    healthUrl: `http://127.0.0.1:${options.port}/health/live`,
    readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
  });
}

/** A project app (api or worker) running as its own OS process, from the TypeScript sources. */
export interface AppProcess {
  readonly pid: number;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<WorkerExit>;
  /** The last lines the process wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** SIGTERM (the app drains and closes), SIGKILL after `graceMs`; resolves once it has ended. */
  stop(graceMs?: number): Promise<WorkerExit>;
}

async function startAppProcess(options: {
  entry: string;
  label: string;
  env: NodeJS.ProcessEnv;
  healthUrl: string;
  readyTimeoutMs: number;
}): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', resolve(ROOT, options.entry)],
    { cwd: ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > MAX_OUTPUT_LINES) lines.splice(0, lines.length - MAX_OUTPUT_LINES);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<WorkerExit>((done) => {
    child.once('exit', (code, signal) => {
      alive.delete(child);
      done({ code, signal });
    });
    // Spawning itself failed (no 'exit' is guaranteed then): report it as an exit, with the reason.
    child.once('error', (error) => {
      lines.push(`spawn error: ${error.message}`);
      alive.delete(child);
      done({ code: null, signal: null });
    });
  });
  let ended: WorkerExit | undefined;
  void exited.then((exit) => (ended = exit));
  const output = () => lines.join('\n');

  const stop = async (graceMs = 15_000): Promise<WorkerExit> => {
    if (ended) return ended;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  alive.set(child, stop);
  const app: AppProcess = { pid: child.pid!, exited, output, stop };
  try {
    await waitUntilHealthy(options.label, options.healthUrl, () => ended, options.readyTimeoutMs);
  } catch (error) {
    await stop(1_000);
    throw new Error(`${(error as Error).message}\n--- ${options.label} output ---\n${output()}`);
  }
  return app;
}

async function waitUntilHealthy(
  label: string,
  url: string,
  ended: () => WorkerExit | undefined,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = ended();
    if (exit) throw new Error(`the ${label} exited before it was healthy (${JSON.stringify(exit)})`);
    const healthy = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      .then((res) => res.status === 200)
      .catch(() => false);
    if (healthy) return;
    if (Date.now() > deadline) throw new Error(`the ${label} was not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
